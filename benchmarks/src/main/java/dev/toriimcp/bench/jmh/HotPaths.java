package dev.toriimcp.bench.jmh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.runtime.Tool;
import dev.toriimcp.runtime.UpstreamRequest;
import dev.toriimcp.server.protocol.JsonRpc;
import dev.toriimcp.server.runtime.ArgumentValidator;
import dev.toriimcp.server.runtime.RequestEncoder;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.Upstream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-call work of the server besides I/O, on a simple and a filter-heavy Torii tool:
 * validating arguments against the input schema, binding them to the generated record and the
 * upstream request, and encoding the JSON-RPC answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPaths {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Param({"get_single_torii_user_by_id", "list_all_torii_users"})
  public String tool;

  private ArgumentValidator validator;
  private Tool<?> generated;
  private JsonNode arguments;
  private RequestEncoder encoder;
  private Upstream upstream;
  private ObjectNode answer;

  @Setup
  public void setup() throws Exception {
    ToolCatalog.Entry entry = ToolCatalog.load().find(tool).orElseThrow();
    validator = new ArgumentValidator(entry.inputSchema());
    generated = entry.tool();
    arguments =
        MAPPER.readTree(
            tool.equals("list_all_torii_users")
                ? "{\"lifecycleStatus\":\"active\",\"isExternal\":false,\"limit\":100,"
                    + "\"sort\":\"creationTime:desc\",\"email\":\"ada@example.com\"}"
                : "{\"idUser\":42}");
    if (!validator.validate(arguments).isEmpty()) {
      throw new IllegalStateException(validator.validate(arguments).toString());
    }
    encoder = new RequestEncoder(Duration.ofSeconds(30), "torii-mcp/0.1");
    upstream = new Upstream(URI.create("http://127.0.0.1:9/v1.0"), "bench-key");
    JsonNode user =
        MAPPER.readTree(
            "{\"user\":{\"id\":42,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                + "\"email\":\"ada@example.com\",\"lifecycleStatus\":\"active\"}}");
    ObjectNode result = MAPPER.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", user.toString());
    result.set("structuredContent", user);
    answer = JsonRpc.result(MAPPER.getNodeFactory().numberNode(7), result);
  }

  @Benchmark
  public List<String> validateArguments() {
    return validator.validate(arguments);
  }

  @Benchmark
  public HttpRequest bindRequest() throws Exception {
    return encoder.encode(bind(generated, arguments), upstream);
  }

  @Benchmark
  public byte[] encodeAnswer() throws Exception {
    return JsonRpc.MAPPER.writeValueAsBytes(answer);
  }

  private static <I extends Record> UpstreamRequest bind(Tool<I> tool, JsonNode args)
      throws Exception {
    return tool.toRequest(MAPPER.treeToValue(args, tool.inputType()));
  }
}
