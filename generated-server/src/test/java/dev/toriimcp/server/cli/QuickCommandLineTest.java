package dev.toriimcp.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The quick reading of {@code serve} and {@code stdio} command lines gives exactly what picocli
 * gives, and leaves to picocli every command line it is not sure of.
 */
class QuickCommandLineTest {

  /** Command lines both read; each must come out the same. */
  private static final String[][] READ_BY_BOTH = {
    {"serve"},
    {"stdio"},
    {"serve", "--port", "0", "--data-dir", "/tmp/torii data"},
    {"serve", "--port=0", "--data-dir=/tmp/x", "--sandbox"},
    {"serve", "--sandbox", "--port", "8809"},
    {
      "serve",
      "--timeout",
      "5",
      "--connect-timeout",
      "3",
      "--max-result-bytes",
      "2000",
      "--schema-profile",
      "portable",
      "--allowed-host",
      "a.example",
      "--allowed-host=b.example"
    },
    {
      "serve",
      "--db-url",
      "jdbc:postgresql://127.0.0.1:5432/torii_mcp",
      "--db-user",
      "torii",
      "--db-password-env",
      "PW",
      "--allowed-upstream",
      "x.example",
      "--allowed-upstream",
      "y.example"
    },
    {"serve", "--data-dir=/a=b"},
    {"serve", "--schema-profile", "nonsense"},
    {"serve", "--port", "2147483647"},
    {"stdio", "--sandbox", "--schema-profile=portable", "--timeout", "7", "--allowed-host", "h"},
  };

  /** Command lines left to picocli (help, errors, and values it might read differently). */
  private static final String[][] LEFT_TO_PICOCLI = {
    {},
    {"--help"},
    {"--version"},
    {"serve", "--help"},
    {"serve", "-h"},
    {"stdio", "-V"},
    {"accounts", "list"},
    {"serve", "--nope"},
    {"serve", "extra"},
    {"serve", "--port"},
    {"serve", "--port="},
    {"serve", "--port", "08"},
    {"serve", "--port", "-1"},
    {"serve", "--port", "+1"},
    {"serve", "--port", "0x10"},
    {"serve", "--port", "99999999999"},
    {"serve", "--port", "1", "--port", "2"},
    {"serve", "--sandbox=true"},
    {"serve", "--sandbox", "--sandbox"},
    {"serve", "--db-user", "--port", "1"},
    {"serve", "--data-dir", "@file"},
    {"serve", "@file"},
    {"serve", "--", "--port", "1"},
    {"serve", "--Port", "1"},
    {"serve", "--por", "1"},
    {"stdio", "--data-dir", "/tmp/x"},
    {"stdio", "--port", "1"},
    {"serve", "--data-dir", "bad\0path"},
  };

  @Test
  void readsCommonCommandLinesAsPicocliDoes() throws Exception {
    for (String[] args : READ_BY_BOTH) {
      Callable<Integer> quick = QuickCommandLine.parse(args);
      assertNotNull(quick, Arrays.toString(args));
      CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
      Object picocli = parsed.subcommand().commandSpec().userObject();
      assertEquals(picocli.getClass(), quick.getClass(), Arrays.toString(args));
      assertEquals(options(picocli), options(quick), Arrays.toString(args));
    }
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (String[] args : LEFT_TO_PICOCLI) {
      assertNull(QuickCommandLine.parse(args), Arrays.toString(args));
    }
  }

  /** A new option of serve or stdio must be read here too, or those commands go slow again. */
  @Test
  void knowsEveryOptionOfServeAndStdio() {
    CommandLine main = new CommandLine(new Main());
    for (String sub : new String[] {"serve", "stdio"}) {
      Set<String> names = new TreeSet<>();
      for (OptionSpec o : main.getSubcommands().get(sub).getCommandSpec().options()) {
        if (!o.usageHelp() && !o.versionHelp()) {
          names.addAll(Arrays.asList(o.names()));
        }
      }
      assertEquals(names, new TreeSet<>(QuickCommandLine.optionNames(sub)), sub);
    }
  }

  /** Every {@code @Option} field of a command and its mixins, by name. */
  private static TreeMap<String, String> options(Object command) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    collect(command, "", out);
    return out;
  }

  private static void collect(Object o, String prefix, TreeMap<String, String> out)
      throws Exception {
    for (Field f : o.getClass().getDeclaredFields()) {
      f.setAccessible(true);
      if (f.isAnnotationPresent(Option.class)) {
        out.put(prefix + f.getName(), String.valueOf(f.get(o)));
      } else if (f.isAnnotationPresent(Mixin.class)) {
        collect(f.get(o), prefix + f.getName() + ".", out);
      }
    }
  }
}
