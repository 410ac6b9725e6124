package dev.toriimcp.generator.model;

import java.util.Comparator;
import java.util.List;

/**
 * Every tool generated from one API description, sorted by name.
 *
 * @param title the API's title
 * @param source the API description's file name as shown in generated headers
 * @param tools tools sorted by name
 */
public record ToolSet(String title, String source, List<ToolModel> tools) {
  public ToolSet {
    tools = tools.stream().sorted(Comparator.comparing(ToolModel::name)).toList();
  }
}
