package dev.toriimcp.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JavaEmitter#literal} writes exactly what JavaPoet writes for {@code $S}. */
class LiteralTest {
  private static final List<String> TEXTS =
      List.of(
          "",
          "plain",
          "it's \"quoted\" and \\ back\\slashed",
          "line one\nline two\n",
          "\n\n\nthree feeds first",
          "tab\there, bell\u0007, nul\u0000, del\u007f, c1\u0085, form\f, return\r, back\b",
          "non-ASCII: é ü 日本 😀, a lone surrogate \ud800 and */ */",
          "ends with a feed\n",
          "{@code x} $ $$ $L");

  @Test
  void sameAsJavaPoetsStringLiteral() {
    for (String text : TEXTS) {
      assertEquals(
          CodeBlock.of("$S", text).toString(),
          CodeBlock.of("$L", JavaEmitter.literal(text)).toString(),
          text);
    }
  }

  @Test
  void sameAsJavaPoetsStringLiteralWhereIndented() {
    for (String text : TEXTS) {
      MethodSpec poet =
          MethodSpec.methodBuilder("m")
              .addCode(CodeBlock.builder().add("f(\n$>$>$S)$<$<;\n", text).build())
              .build();
      MethodSpec ours =
          MethodSpec.methodBuilder("m")
              .addCode(
                  CodeBlock.builder().add("f(\n$>$>$L)$<$<;\n", JavaEmitter.literal(text)).build())
              .build();
      assertEquals(poet.toString(), ours.toString(), text);
    }
  }
}
