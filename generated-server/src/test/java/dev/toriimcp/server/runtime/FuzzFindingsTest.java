package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What fuzzing argument validation and request binding found, one test per finding. */
class FuzzFindingsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static ToolCatalog catalog;
  private static ToolExecutor executor;
  private static EndpointContext endpoint;

  @BeforeAll
  static void load() {
    catalog = ToolCatalog.load();
    executor =
        new ToolExecutor(catalog, null, new ToolExecutor.Limits(Duration.ofSeconds(5), 100_000));
    endpoint =
        EndpointContext.all(
            "findings", new Upstream(URI.create("https://api.toriihq.com/v1.0"), "not-a-key"));
  }

  private static String refusal(String tool, String arguments) throws Exception {
    JsonNode args = MAPPER.readTree(arguments);
    ToolExecutor.Prepared p = executor.prepare(endpoint, catalog.find(tool).orElseThrow(), args);
    assertNull(p.request(), "nothing is sent");
    return p.refusal().at("/content/0/text").asText();
  }

  /**
   * The schema library ignores argument names starting with {@code #} under {@code
   * additionalProperties: false}, and binding then failed with Jackson's message, which named the
   * generated Java class ({@code dev.toriimcp.tools.ListAllToriiRoles$Input}).
   */
  @Test
  void anArgumentNameStartingWithHashIsAnUnknownArgument() throws Exception {
    assertEquals(
        "The arguments of list_all_torii_roles are not valid; nothing was sent to Torii. Fix these"
            + " and call again:\n- #nope: unknown argument",
        refusal("list_all_torii_roles", "{\"#nope\":0}"));
    assertEquals(
        "The arguments of get_single_torii_user_by_id are not valid; nothing was sent to Torii."
            + " Fix these and call again:\n- #: unknown argument; the arguments are idUser",
        refusal("get_single_torii_user_by_id", "{\"idUser\":1,\"#\":\"x\"}"));
  }

  record Money(Long value, String currency) {}

  record Input(String name, Money amount) {}

  /** A value the schema admits but the typed input cannot hold is named without Java types. */
  @Test
  void bindingProblemsNameTheArgumentAndNoJavaClass() {
    ObjectMapper strict =
        new ObjectMapper()
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    var unknown =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.fasterxml.jackson.core.JsonProcessingException.class,
            () ->
                strict.treeToValue(
                    strict.readTree("{\"name\":\"n\",\"amount\":{\"value\":1,\"#x\":2}}"),
                    Input.class));
    assertEquals("amount.#x: unknown argument", ToolExecutor.bindProblem(unknown));
    var mismatch =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.fasterxml.jackson.core.JsonProcessingException.class,
            () -> strict.treeToValue(strict.readTree("{\"amount\":{\"value\":[1]}}"), Input.class));
    assertEquals(
        "amount.value: the value does not fit this argument's type",
        ToolExecutor.bindProblem(mismatch));
  }
}
