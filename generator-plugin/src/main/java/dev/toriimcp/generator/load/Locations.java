package dev.toriimcp.generator.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a parsed document starts, found by JSON pointer. Answers exactly what a map
 * from every node's pointer to its position would, without building a pointer string per node: a
 * description of 13 MB has about a million nodes, and a map of them costs hundreds of megabytes.
 *
 * <p>Positions are packed as {@code line << 32 | column}; {@link #NONE} means no node there.
 */
abstract class Locations {
  /** No node at that pointer. */
  static final long NONE = Long.MIN_VALUE;

  /** The position of the node at {@code pointer} in the parsed text, or {@link #NONE}. */
  abstract long find(String pointer);

  static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xFFFFFFFFL);
  }

  static int line(long packed) {
    return (int) (packed >>> 32);
  }

  static int column(long packed) {
    return (int) packed;
  }

  /**
   * Pointer to position, one entry per node: the simple form, kept for documents with duplicate
   * keys.
   */
  static final class ByPointer extends Locations {
    private final Map<String, int[]> lines;

    ByPointer(Map<String, int[]> lines) {
      this.lines = lines;
    }

    @Override
    long find(String pointer) {
      int[] lc = lines.get(pointer);
      return lc == null ? NONE : pack(lc[0], lc[1]);
    }
  }

  /**
   * A skeleton of the document's containers: for each object or array, the positions of its
   * members, the member names (shared with the tree, not copied) and the skeletons of member
   * containers. Needs unique member names (a duplicate name makes the reader use {@link
   * ByPointer}).
   */
  static final class Tree extends Locations {
    private final Container root;

    Tree(Container root) {
      this.root = root;
    }

    @Override
    long find(String pointer) {
      if (pointer.isEmpty()) {
        return root.at;
      }
      if (pointer.charAt(0) != '/') {
        return NONE;
      }
      Container node = root;
      int start = 1;
      while (true) {
        if (node == null) {
          return NONE; // a scalar has no members
        }
        int slash = pointer.indexOf('/', start);
        int end = slash < 0 ? pointer.length() : slash;
        int i = node.indexOf(pointer.substring(start, end));
        if (i < 0) {
          return NONE;
        }
        if (slash < 0) {
          return node.memberAt[i];
        }
        node = node.members == null ? null : node.members[i];
        start = slash + 1;
      }
    }
  }

  /** One object or array (or the scalar root) of the skeleton. */
  static final class Container {
    private static final int INDEXED = 8;

    final long at;

    /** Member names of an object, null for an array. */
    String[] names;

    long[] memberAt;

    /** Skeletons of members that are containers; null when every member is a scalar. */
    Container[] members;

    private Map<String, Integer> index;

    Container(long at) {
      this.at = at;
    }

    void fill(String[] names, long[] memberAt, Container[] members) {
      this.names = names;
      this.memberAt = memberAt;
      this.members = members;
    }

    /** The member a pointer's reference token names, or -1. */
    int indexOf(String token) {
      if (memberAt == null) {
        return -1;
      }
      if (names == null) {
        return arrayIndex(token, memberAt.length);
      }
      String name = token;
      if (token.indexOf('~') >= 0) {
        name = token.replace("~1", "/").replace("~0", "~");
        if (!DocumentReader.escape(name).equals(token)) {
          return -1; // not how any member name is written in a pointer
        }
      }
      if (names.length <= INDEXED) {
        for (int i = 0; i < names.length; i++) {
          if (names[i].equals(name)) {
            return i;
          }
        }
        return -1;
      }
      Integer i = index().get(name);
      return i == null ? -1 : i;
    }

    private synchronized Map<String, Integer> index() {
      if (index == null) {
        Map<String, Integer> m = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
          m.put(names[i], i);
        }
        index = m;
      }
      return index;
    }

    /** A token as a pointer writes an array index: decimal, no sign, no leading zero. */
    private static int arrayIndex(String token, int size) {
      int n = token.length();
      if (n == 0 || n > 10 || (n > 1 && token.charAt(0) == '0')) {
        return -1;
      }
      long value = 0;
      for (int i = 0; i < n; i++) {
        char c = token.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value < size ? (int) value : -1;
    }
  }

  /** Per-depth buffers, so that each container's arrays are allocated once at their exact size. */
  static final class Scratch {
    String[] names = new String[16];
    long[] at = new long[16];
    Container[] members = new Container[16];
    int size;
    boolean anyMember;

    void add(String name, long position, Container member) {
      if (size == at.length) {
        int grown = size * 2;
        names = Arrays.copyOf(names, grown);
        at = Arrays.copyOf(at, grown);
        members = Arrays.copyOf(members, grown);
      }
      names[size] = name;
      at[size] = position;
      members[size] = member;
      anyMember |= member != null;
      size++;
    }

    void into(Container c, boolean object) {
      c.fill(
          object ? Arrays.copyOf(names, size) : null,
          Arrays.copyOf(at, size),
          anyMember ? Arrays.copyOf(members, size) : null);
      Arrays.fill(members, 0, size, null);
      Arrays.fill(names, 0, size, null);
      size = 0;
      anyMember = false;
    }
  }
}
