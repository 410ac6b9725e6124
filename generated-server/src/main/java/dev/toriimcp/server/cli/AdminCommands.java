package dev.toriimcp.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.server.access.AccessService;
import dev.toriimcp.server.access.AccessStore;
import dev.toriimcp.server.runtime.ToolCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accounts}, {@code servers} and {@code tokens}: the admin API from the command line,
 * printing JSON.
 */
final class AdminCommands {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AdminCommands() {}

  /** Runs against the store; prints JSON or a one-line error. */
  abstract static class StoreCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions = new StoreOptions();

    @Option(
        names = "--public-url",
        description = "Base URL printed in server URLs (default: ${DEFAULT-VALUE}).",
        defaultValue = "http://127.0.0.1:8808")
    String publicUrl;

    @Override
    public Integer call() throws Exception {
      AccessStore store = storeOptions.open();
      AccessService service =
          new AccessService(
              store,
              ToolCatalog.load().entries().stream().map(ToolCatalog.Entry::info).toList(),
              () -> publicUrl,
              storeOptions.upstreamPolicy());
      try {
        JsonNode out = run(service);
        if (out != null) {
          System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        }
        return 0;
      } catch (AccessService.BadRequest | AccessService.NotFound e) {
        System.err.println("torii-mcp-server: " + e.getMessage());
        return 2;
      }
    }

    abstract JsonNode run(AccessService service) throws Exception;
  }

  @Command(
      name = "accounts",
      mixinStandardHelpOptions = true,
      description = "Integrated accounts (Torii connections).",
      subcommands = {Accounts.Create.class, Accounts.ListAll.class, Accounts.Delete.class})
  static final class Accounts {
    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description =
            "Create an account; the API key is read from an environment variable, never from the command line.")
    static final class Create extends StoreCommand {
      @Option(names = "--name", required = true)
      String name;

      @Option(names = "--base-url", defaultValue = "https://api.toriihq.com/v1.0")
      String baseUrl;

      @Option(
          names = "--api-key-env",
          description = "Environment variable with the Torii API key (default: ${DEFAULT-VALUE}).",
          defaultValue = "TORII_API_KEY")
      String apiKeyEnv;

      @Override
      JsonNode run(AccessService s) throws Exception {
        String key = System.getenv(apiKeyEnv);
        if (key == null || key.isBlank()) {
          throw new AccessService.BadRequest(
              apiKeyEnv + " is not set: put the account's Torii API key in it");
        }
        ObjectNode body =
            MAPPER
                .createObjectNode()
                .put("name", name)
                .put("base_url", baseUrl)
                .put("api_key", key.strip());
        return s.createAccount(body);
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List accounts (API keys are never shown).")
    static final class ListAll extends StoreCommand {
      @Override
      JsonNode run(AccessService s) {
        return s.listAccounts();
      }
    }

    @Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete an account and its servers.")
    static final class Delete extends StoreCommand {
      @Parameters(index = "0", description = "Account id.")
      String id;

      @Override
      JsonNode run(AccessService s) throws Exception {
        s.deleteAccount(id);
        return MAPPER.createObjectNode().put("deleted", id);
      }
    }
  }

  @Command(
      name = "servers",
      mixinStandardHelpOptions = true,
      description = "Scoped MCP servers of an account.",
      subcommands = {
        Servers.Create.class,
        Servers.ListAll.class,
        Servers.Update.class,
        Servers.Delete.class
      })
  static final class Servers {
    /** Options shared by create and update. */
    abstract static class Config extends StoreCommand {
      @Option(names = "--account", required = true, description = "Account id.")
      String account;

      @Option(
          names = "--methods",
          split = ",",
          description = "read, write, or exact verbs (get, list, create, update, delete, other).")
      List<String> methods;

      @Option(names = "--tags", split = ",", description = "Tool tags (any of them admits a tool).")
      List<String> tags;

      @Option(names = "--tool-exposure", description = "all or discovery.")
      String toolExposure;

      @Option(
          names = "--schema-profile",
          description = "standard or portable (for clients with limited JSON Schema support).")
      String schemaProfile;

      @Option(
          names = "--expires-at",
          description = "ISO 8601 instant, at least 60 s ahead; 'none' clears it (update).")
      String expiresAt;

      ObjectNode body() {
        ObjectNode b = MAPPER.createObjectNode();
        if (methods != null || tags != null || toolExposure != null || schemaProfile != null) {
          ObjectNode c = b.putObject("config");
          if (methods != null) {
            ArrayNode m = c.putArray("methods");
            methods.forEach(m::add);
          }
          if (tags != null) {
            ArrayNode t = c.putArray("tags");
            tags.forEach(t::add);
          }
          if (toolExposure != null) {
            c.put("tool_exposure", toolExposure);
          }
          if (schemaProfile != null) {
            c.put("schema_profile", schemaProfile);
          }
        }
        if (expiresAt != null) {
          if (expiresAt.equals("none")) {
            b.putNull("expires_at");
          } else {
            b.put("expires_at", expiresAt);
          }
        }
        return b;
      }
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a server; prints its URL once.")
    static final class Create extends Config {
      @Option(names = "--name", required = true)
      String name;

      @Option(
          names = "--require-api-token-auth",
          description = "Also require an API token in Authorization.")
      boolean requireApiTokenAuth;

      @Override
      JsonNode run(AccessService s) throws Exception {
        ObjectNode b = body().put("name", name).put("require_api_token_auth", requireApiTokenAuth);
        return s.createServer(account, b);
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List an account's servers (tokens are never shown).")
    static final class ListAll extends StoreCommand {
      @Option(names = "--account", required = true)
      String account;

      @Override
      JsonNode run(AccessService s) throws Exception {
        return s.listServers(account);
      }
    }

    @Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = "Change a server's name, config or expiry.")
    static final class Update extends Config {
      @Parameters(index = "0", description = "Server id.")
      String id;

      @Option(names = "--name")
      String name;

      @Override
      JsonNode run(AccessService s) throws Exception {
        ObjectNode b = body();
        if (name != null) {
          b.put("name", name);
        }
        return s.updateServer(account, id, b);
      }
    }

    @Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete (revoke) a server.")
    static final class Delete extends StoreCommand {
      @Option(names = "--account", required = true)
      String account;

      @Parameters(index = "0", description = "Server id.")
      String id;

      @Override
      JsonNode run(AccessService s) throws Exception {
        s.deleteServer(account, id);
        return MAPPER.createObjectNode().put("deleted", id);
      }
    }
  }

  @Command(
      name = "tokens",
      mixinStandardHelpOptions = true,
      description = "API tokens for the admin API and second-factor servers.",
      subcommands = {Tokens.Create.class, Tokens.ListAll.class, Tokens.Revoke.class})
  static final class Tokens {
    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a token; prints it once.")
    static final class Create extends StoreCommand {
      @Option(names = "--name", required = true)
      String name;

      @Override
      JsonNode run(AccessService s) {
        AccessStore.CreatedToken t = s.store().createApiToken(name);
        return MAPPER
            .createObjectNode()
            .put("id", t.token().id())
            .put("name", name)
            .put("created_at", t.token().createdAt().toString())
            .put("token", t.value());
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List tokens (values are never shown).")
    static final class ListAll extends StoreCommand {
      @Override
      JsonNode run(AccessService s) {
        ArrayNode out = MAPPER.createArrayNode();
        s.store()
            .listApiTokens()
            .forEach(
                t ->
                    out.addObject()
                        .put("id", t.id())
                        .put("name", t.name())
                        .put("created_at", t.createdAt().toString()));
        return out;
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
    static final class Revoke extends StoreCommand {
      @Parameters(index = "0", description = "Token id.")
      String id;

      @Override
      JsonNode run(AccessService s) throws Exception {
        if (!s.store().revokeApiToken(id)) {
          throw new AccessService.NotFound("no API token " + id);
        }
        return MAPPER.createObjectNode().put("revoked", id);
      }
    }
  }
}
