package dev.toriimcp.runtime;

import java.util.List;

/**
 * All tools generated from one spec. The generator writes one implementation and registers it in
 * {@code META-INF/services/dev.toriimcp.runtime.ToolRegistry}.
 */
public interface ToolRegistry {

  /** Tools sorted by name. */
  List<Tool<?>> tools();
}
