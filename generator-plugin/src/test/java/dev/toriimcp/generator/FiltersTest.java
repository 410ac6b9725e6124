package dev.toriimcp.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.toriimcp.generator.model.ToolFilters;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import dev.toriimcp.generator.problem.Problems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation-time filters on the Torii description. */
class FiltersTest {
  @TempDir Path tmp;

  private List<String> names(ToolFilters filters) throws Exception {
    return Generator.model(ToriiGenerationTest.torii(tmp).withFilters(filters), new Problems())
        .tools()
        .stream()
        .map(ToolModel::name)
        .toList();
  }

  @Test
  void tagsAndMethodsCombine() throws Exception {
    assertEquals(
        List.of("get_single_torii_contract_by_id", "list_all_torii_contracts"),
        names(
            new ToolFilters(
                List.of("contracts"), List.of("fields"), List.of(), List.of(), List.of("read"))));
  }

  @Test
  void operationsByIdOrName() throws Exception {
    assertEquals(
        List.of("list_all_torii_roles", "list_all_torii_users"),
        names(
            new ToolFilters(
                List.of(),
                List.of(),
                List.of("getRoles", "list_all_torii_users"),
                List.of(),
                List.of())));
  }

  @Test
  void exactVerbsAndExclusions() throws Exception {
    assertEquals(
        List.of(
            "delete_a_torii_app_field_by_id",
            "delete_a_torii_plugin_by_id",
            "delete_a_torii_scim_user_by_id"),
        names(
            new ToolFilters(
                List.of(),
                List.of(),
                List.of(),
                List.of("deleteContractsIdcontract"),
                List.of("delete"))));
  }

  @Test
  void filtersThatLeaveNothingOrNameNothingAreReported() {
    GenerationException e =
        assertThrows(
            GenerationException.class,
            () ->
                names(
                    new ToolFilters(
                        List.of("nosuchtag"), List.of(), List.of(), List.of(), List.of("fetch"))));
    assertEquals(
        List.of(
            "[TORII-FILTER-001] unknown method filter 'fetch'; use read, write, get, list, create,"
                + " update, delete or other (torii-spec/torii-openapi.yaml)",
            "[TORII-FILTER-002] the filters leave no tool to generate (torii-spec/torii-openapi.yaml)",
            "[TORII-FILTER-W01] no tool has the tag 'nosuchtag' (torii-spec/torii-openapi.yaml)"),
        e.problems().stream().map(Problem::render).toList());
  }
}
