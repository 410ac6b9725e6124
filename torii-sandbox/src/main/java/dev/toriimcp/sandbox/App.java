package dev.toriimcp.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An app in the org's portfolio (from the catalog or custom). */
public final class App {
  private final int id;
  private String name;
  private String state;
  private String category;
  private String url;
  private final String imageUrl;
  private String description;
  private String tags;
  private boolean hidden;
  private Integer primaryOwner;
  private final List<Integer> appOwners;
  private final int score;
  private final boolean custom;
  private final Integer addedBy;
  private final Instant creationTime;
  private final List<String> sources;
  private final String vendor;
  private final Instant lastVisitTime;
  private final Map<String, Object> fields;
  private final LicensePlan license;

  App(
      int id,
      String name,
      String state,
      String category,
      String url,
      String imageUrl,
      String description,
      String tags,
      boolean hidden,
      Integer primaryOwner,
      List<Integer> appOwners,
      int score,
      boolean custom,
      Integer addedBy,
      Instant creationTime,
      List<String> sources,
      String vendor,
      Instant lastVisitTime,
      Map<String, Object> fields,
      LicensePlan license) {
    this.id = id;
    this.name = name;
    this.state = state;
    this.category = category;
    this.url = url;
    this.imageUrl = imageUrl;
    this.description = description;
    this.tags = tags;
    this.hidden = hidden;
    this.primaryOwner = primaryOwner;
    this.appOwners = new ArrayList<>(appOwners);
    this.score = score;
    this.custom = custom;
    this.addedBy = addedBy;
    this.creationTime = creationTime;
    this.sources = List.copyOf(sources);
    this.vendor = vendor;
    this.lastVisitTime = lastVisitTime;
    this.fields = new LinkedHashMap<>(fields);
    this.license = license;
  }

  App copy() {
    return new App(
        id,
        name,
        state,
        category,
        url,
        imageUrl,
        description,
        tags,
        hidden,
        primaryOwner,
        appOwners,
        score,
        custom,
        addedBy,
        creationTime,
        sources,
        vendor,
        lastVisitTime,
        fields,
        license);
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** {@code discovered}, {@code managed}, {@code unmanaged}, {@code closed} or {@code ignored}. */
  public String state() {
    return state;
  }

  public String category() {
    return category;
  }

  public String url() {
    return url;
  }

  public String imageUrl() {
    return imageUrl;
  }

  public String description() {
    return description;
  }

  /** Comma-separated tags, as Torii's spec types them. */
  public String tags() {
    return tags;
  }

  public boolean isHidden() {
    return hidden;
  }

  /** The primary owner's user id, or null when the app has no owner. */
  public Integer primaryOwner() {
    return primaryOwner;
  }

  public List<Integer> appOwners() {
    return List.copyOf(appOwners);
  }

  public int score() {
    return score;
  }

  public boolean isCustom() {
    return custom;
  }

  public Integer addedBy() {
    return addedBy;
  }

  public Instant creationTime() {
    return creationTime;
  }

  public List<String> sources() {
    return sources;
  }

  public String vendor() {
    return vendor;
  }

  public Instant lastVisitTime() {
    return lastVisitTime;
  }

  /** Values of custom app fields ({@code GET /apps/fields}), by system key. */
  public Map<String, Object> fields() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The app's license plan, or null when Torii has no license data for it. */
  public LicensePlan license() {
    return license;
  }

  void setName(String name) {
    this.name = name;
  }

  void setState(String state) {
    this.state = state;
  }

  void setCategory(String category) {
    this.category = category;
  }

  void setUrl(String url) {
    this.url = url;
  }

  void setDescription(String description) {
    this.description = description;
  }

  void setTags(String tags) {
    this.tags = tags;
  }

  void setHidden(boolean hidden) {
    this.hidden = hidden;
  }

  void setPrimaryOwner(Integer primaryOwner) {
    this.primaryOwner = primaryOwner;
  }

  void setAppOwners(List<Integer> owners) {
    appOwners.clear();
    appOwners.addAll(owners);
  }

  void setField(String key, Object value) {
    if (value == null) {
      fields.remove(key);
    } else {
      fields.put(key, value);
    }
  }

  /**
   * A license plan of the app.
   *
   * @param name plan name, e.g. {@code Business Plus}
   * @param totalAmount licenses bought
   * @param pricePerLicense yearly price of one license
   */
  public record LicensePlan(String name, int totalAmount, Money pricePerLicense) {}
}
