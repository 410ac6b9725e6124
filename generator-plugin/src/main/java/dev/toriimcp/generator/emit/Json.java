package dev.toriimcp.generator.emit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    return new String(prettyBytes(node), StandardCharsets.UTF_8);
  }

  /** Pretty UTF-8 ending with a newline, written straight into bytes. */
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

  /**
   * Bytes collected in chunks, each twice the size of the one before: a large text is copied once,
   * into its final array, instead of at every doubling of one growing array.
   */
  private static final class Buffer extends OutputStream {
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[1024];
    private int used;
    private int size;

    @Override
    public void write(int b) {
      if (used == chunk.length) {
        next();
      }
      chunk[used++] = (byte) b;
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        if (used == chunk.length) {
          next();
        }
        int n = Math.min(len, chunk.length - used);
        System.arraycopy(b, off, chunk, used, n);
        used += n;
        off += n;
        len -= n;
        size += n;
      }
    }

    private void next() {
      full.add(chunk);
      chunk = new byte[Math.min(chunk.length * 2, 1 << 20)];
      used = 0;
    }

    byte[] bytes() {
      byte[] out = new byte[size];
      int at = 0;
      for (byte[] c : full) {
        System.arraycopy(c, 0, out, at, c.length);
        at += c.length;
      }
      System.arraycopy(chunk, 0, out, at, used);
      return out;
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
