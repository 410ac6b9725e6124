package dev.toriimcp.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * The plain command lines of {@code serve} and {@code stdio} (the subcommand first, then its
 * options as {@code --name value} or {@code --name=value}), read without picocli.
 *
 * <p>Picocli builds its model of every command by reflection, and its classes are compiled for Java
 * 5, which class-data sharing cannot archive: on the way to the first answer it was about a fifth
 * of the server's start. The commands that serve MCP are started often (Claude Desktop starts
 * {@code stdio} at every launch) and with few options, so those are read here. Anything else —
 * help, another subcommand, an unknown, repeated or abbreviated option, a value picocli might read
 * differently (empty, starting with {@code -} or {@code @}, a number with a sign) — yields {@code
 * null}, and picocli reads the command line as before, with its own messages and exit codes. The
 * fields set are picocli's own (the {@code @Option} fields of {@link Main.Serve}, {@link
 * Main.Stdio} and their mixins), and {@code QuickCommandLineTest} checks that both readings agree
 * and that every option of these commands is known here.
 */
final class QuickCommandLine {

  private QuickCommandLine() {}

  private static final Map<String, BiConsumer<Main.UpstreamOptions, String>> UPSTREAM =
      Map.of(
          "--sandbox", (o, v) -> o.sandbox = true,
          "--timeout", (o, v) -> o.timeoutSeconds = number(v),
          "--connect-timeout", (o, v) -> o.connectTimeoutSeconds = number(v),
          "--max-result-bytes", (o, v) -> o.maxResultBytes = number(v),
          "--schema-profile", (o, v) -> o.schemaProfile = v,
          "--allowed-host", (o, v) -> o.allowedHosts = append(o.allowedHosts, v));

  private static final Map<String, BiConsumer<StoreOptions, String>> STORE =
      Map.of(
          "--data-dir", (o, v) -> o.dataDir = Path.of(v),
          "--db-url", (o, v) -> o.dbUrl = v,
          "--db-user", (o, v) -> o.dbUser = v,
          "--db-password-env", (o, v) -> o.dbPasswordEnv = v,
          "--allowed-upstream", (o, v) -> o.allowedUpstreams = append(o.allowedUpstreams, v));

  /** The options that may be given more than once. */
  private static final Set<String> REPEATABLE = Set.of("--allowed-host", "--allowed-upstream");

  private static final Set<String> FLAGS = Set.of("--sandbox");

  /** Every option name read here, per subcommand (for the test that compares with picocli). */
  static Set<String> optionNames(String subcommand) {
    Set<String> names = new HashSet<>(UPSTREAM.keySet());
    if (subcommand.equals("serve")) {
      names.addAll(STORE.keySet());
      names.add("--port");
    }
    return names;
  }

  /**
   * The command to run, with its options set as picocli would set them, or {@code null} when
   * picocli must read this command line.
   */
  static Callable<Integer> parse(String[] args) {
    if (args.length == 0) {
      return null;
    }
    try {
      if (args[0].equals("serve")) {
        Main.Serve serve = new Main.Serve();
        serve.port = 8808;
        defaults(serve.upstream);
        serve.storeOptions.dbPasswordEnv = "TORII_MCP_DB_PASSWORD";
        return read(args, serve.upstream, serve.storeOptions, serve) ? serve : null;
      }
      if (args[0].equals("stdio")) {
        Main.Stdio stdio = new Main.Stdio();
        defaults(stdio.upstream);
        return read(args, stdio.upstream, null, null) ? stdio : null;
      }
    } catch (RuntimeException e) {
      return null; // a value picocli converts with its own message (a number out of range, a bad
      // path)
    }
    return null;
  }

  /** The {@code defaultValue}s of {@link Main.UpstreamOptions}. */
  private static void defaults(Main.UpstreamOptions o) {
    o.timeoutSeconds = 30;
    o.connectTimeoutSeconds = 10;
    o.maxResultBytes = 100000;
    o.schemaProfile = "standard";
  }

  private static boolean read(
      String[] args, Main.UpstreamOptions upstream, StoreOptions store, Main.Serve serve) {
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      boolean known =
          UPSTREAM.containsKey(name)
              || (store != null && STORE.containsKey(name))
              || (serve != null && name.equals("--port"));
      if (!known || (!seen.add(name) && !REPEATABLE.contains(name))) {
        return false;
      }
      String value = null;
      if (FLAGS.contains(name)) {
        if (eq >= 0) {
          return false;
        }
      } else {
        if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          return false;
        }
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
          return false;
        }
      }
      if (UPSTREAM.containsKey(name)) {
        UPSTREAM.get(name).accept(upstream, value);
      } else if (name.equals("--port")) {
        serve.port = number(value);
      } else {
        STORE.get(name).accept(store, value);
      }
    }
    return true;
  }

  /** A decimal int without sign or leading zeros; anything else is left to picocli. */
  private static int number(String value) {
    if (!value.matches("0|[1-9][0-9]{0,9}")) {
      throw new NotQuick();
    }
    return Integer.parseInt(value);
  }

  private static List<String> append(List<String> list, String value) {
    List<String> out = new ArrayList<>(list);
    out.add(value);
    return out;
  }

  /** This command line is picocli's to read. */
  private static final class NotQuick extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotQuick() {
      super(null, null, false, false);
    }
  }
}
