package dev.toriimcp.generator.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** JSON text that is the same on every machine: two-space indent, LF, declared key order. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY;
  private static final ObjectWriter COMPACT = MAPPER.writer();

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    PRETTY = MAPPER.writer(printer);
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Pretty text ending with a newline. */
  public static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #pretty} in UTF-8, written straight into bytes. */
  static byte[] prettyBytes(JsonNode node) {
    Buffer out = new Buffer();
    try {
      PRETTY.writeValue(out, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.bytes();
  }

  /** The length in bytes of the node's compact UTF-8 text, counted without keeping the text. */
  static int compactSize(JsonNode node) {
    Counter counter = new Counter();
    try {
      COMPACT.writeValue(counter, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.count;
  }

  /** A byte buffer whose array is handed over when it is exactly full. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(8192);
    }

    byte[] bytes() {
      return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }
  }

  private static final class Counter extends OutputStream {
    private int count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
