package dev.toriimcp.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toriimcp.runtime.Tool;
import dev.toriimcp.runtime.ToolInfo;
import dev.toriimcp.runtime.search.ToolSearch;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain-language queries an IT auditor would type find the right Torii tool. */
class ToolSearchTest {
  private static final ToolSearch SEARCH = index();

  private static ToolSearch index() {
    List<ToolSearch.Document> docs = new ArrayList<>();
    for (Tool<?> t : new ToriiTools().tools()) {
      ToolInfo i = t.info();
      List<String> args = new ArrayList<>();
      try (InputStream in =
          ToolSearchTest.class.getClassLoader().getResourceAsStream(i.inputSchemaResource())) {
        JsonNode schema = new ObjectMapper().readTree(in);
        schema.path("properties").fieldNames().forEachRemaining(args::add);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      docs.add(
          new ToolSearch.Document(
              i.name(),
              i.operationId(),
              i.title(),
              i.description(),
              i.tags(),
              args,
              i.access().verb().word()));
    }
    return new ToolSearch(docs);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "find a user by email address | list_all_torii_users | 1",
        "which apps does this user still have access to | list_all_torii_user_applications | 3",
        "change a user's lifecycle status to offboarded | update_a_torii_user_by_id | 1",
        "show contracts with renewal dates and amounts | list_all_torii_contracts | 1",
        "who changed the contract amount in the admin audit log | list_all_torii_audit_logs | 1",
        "run a workflow now | trigger_a_torii_workflow | 1",
        "failed workflow action executions | list_all_torii_workflow_action_executions | 1",
        "mark the user as removed from the app | update_a_torii_user_application_by_id | 3",
        "create a new contract for an app | create_a_torii_contract | 1",
        "delete a contract | delete_a_torii_contract_by_id | 1",
        "roles and permissions | list_all_torii_roles | 1",
        "add a custom app | create_a_torii_app | 3"
      })
  void findsTheRightTool(String query, String expected, int within) {
    List<ToolSearch.Hit> hits = SEARCH.search(query, within);
    assertTrue(
        hits.stream().anyMatch(h -> h.name().equals(expected)),
        query + " -> " + SEARCH.search(query, 5));
  }
}
