package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An amount in minor units (cents) and its ISO 4217 currency, as Torii writes currency fields.
 *
 * @param value amount in minor units
 * @param currency ISO 4217 code, e.g. {@code USD}
 */
public record Money(long value, String currency) {

  /** The org's display currency. */
  public static final String ORG_CURRENCY = "USD";

  /** Fixed demo exchange rates to USD (sandbox only, not market data). */
  private static final Map<String, Double> TO_USD =
      Map.ofEntries(
          Map.entry("USD", 1.0),
          Map.entry("EUR", 1.08),
          Map.entry("GBP", 1.27),
          Map.entry("ILS", 0.27),
          Map.entry("NIS", 0.27),
          Map.entry("CAD", 0.73),
          Map.entry("AUD", 0.66),
          Map.entry("JPY", 0.0067),
          Map.entry("CHF", 1.13),
          Map.entry("SEK", 0.095),
          Map.entry("NOK", 0.093),
          Map.entry("DKK", 0.145),
          Map.entry("INR", 0.012),
          Map.entry("SGD", 0.74),
          Map.entry("NZD", 0.6),
          Map.entry("PLN", 0.25),
          Map.entry("BRL", 0.2));

  /** Currencies Torii accepts for currency fields (the parsings currency list). */
  static final java.util.Set<String> ACCEPTED_CURRENCIES =
      java.util.Set.of(
          "USD", "EUR", "GBP", "NIS", "ILS", "JPY", "AUD", "SGD", "CNY", "KRW", "VND", "CAD", "UAH",
          "TRY", "RUB", "HKD", "HUF", "RON", "PLN", "BRL", "TWD", "IDR", "DKK", "INR", "ZAR", "ARS",
          "AED", "CHF", "SEK", "ISK", "NOK", "MAD", "SAR", "NZD", "KES", "RSD");

  /** This amount converted to the org currency with the sandbox's fixed rates. */
  public long inOrgCurrency() {
    double rate = TO_USD.getOrDefault(currency, 1.0);
    return Math.round(value * rate);
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("value", value);
    node.put("currency", currency);
    return node;
  }
}
