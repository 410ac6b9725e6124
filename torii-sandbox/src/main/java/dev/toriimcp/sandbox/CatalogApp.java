package dev.toriimcp.sandbox;

/**
 * An app in Torii's global catalog. Org apps added from the catalog keep the catalog id.
 *
 * @param id catalog id (also the org app's id once added)
 * @param name product name
 * @param category Torii category
 * @param url vendor home page
 * @param vendor vendor name
 * @param description one-line description
 */
public record CatalogApp(
    int id, String name, String category, String url, String vendor, String description) {

  /** A demo logo URL (sandbox only; it does not resolve). */
  public String imageUrl() {
    return "https://logos.sandbox.invalid/" + slug() + ".png";
  }

  String slug() {
    return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
