package dev.toriimcp.generator;

/** The checked-in catalog differs from what the description and overlays generate. */
public final class CatalogOutOfDateException extends Exception {
  private static final long serialVersionUID = 1L;

  public CatalogOutOfDateException(String message) {
    super(message);
  }
}
