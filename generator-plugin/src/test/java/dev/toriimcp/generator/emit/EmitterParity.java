package dev.toriimcp.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.model.ToolSet;

/**
 * Holds {@link JavaEmitter}'s hand-printed sources to what JavaPoet prints for the same classes
 * ({@link JavaPoetEmitter}, the emitter's earlier JavaPoet form): every tool and the registry, byte
 * for byte. Public for the server module's corpus test.
 */
public final class EmitterParity {
  private EmitterParity() {}

  /**
   * @return how many sources were compared
   */
  public static int assertSameAsJavaPoet(
      ToolSet set, String packageName, String registryName, String header) {
    JavaEmitter ours = new JavaEmitter(set, packageName, registryName, header);
    JavaPoetEmitter poet = new JavaPoetEmitter(ours, packageName, registryName, header);
    for (ToolModel t : set.tools()) {
      assertEquals(poet.tool(t).toString(), ours.tool(t), () -> "class of tool " + t.name());
    }
    assertEquals(poet.registry(set).toString(), ours.registry(set), "registry");
    return set.tools().size() + 1;
  }
}
