package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the demo org. Everything derives from the seed and a fixed "as of" instant, so two
 * sandboxes with the same seed hold identical data. The notable records (the admin, Alex Chen, the
 * ownerless file-sharing and cloud-storage apps and their contracts) do not depend on the seed.
 */
final class SeedData {
  /** The default date the demo data describes ("today" for the seed). */
  static final LocalDate DEFAULT_DATA_DATE = LocalDate.of(2026, 3, 2);

  static final int ADMIN_ID = 10001;
  static final int ALEX_CHEN_ID = 10002;
  static final int PRIYA_ID = 10003;
  static final int MARCUS_ID = 10004;
  static final int SOFIA_ID = 10005;
  static final int DANIEL_ID = 10006;
  static final int EMILY_ID = 10007;
  static final int RYAN_ID = 10008;
  static final int LENA_ID = 10009;
  static final int USER_COUNT = 240;
  static final int FIRST_CONTRACT_ID = 30001;
  static final int FIRST_ACTION_EXECUTION_ID = 70001;
  static final int FIRST_WORKFLOW_EXECUTION_ID = 60001;

  /** Active file-sharing / cloud-storage apps that have no primary owner. */
  static final List<String> OWNERLESS_STORAGE_APPS =
      List.of("Dropbox", "WeTransfer", "Egnyte", "pCloud", "Wasabi", "Sync.com");

  private static final String[] FIRST_NAMES = {
    "James",
    "Maria",
    "Wei",
    "Aisha",
    "Mateo",
    "Olivia",
    "Noah",
    "Sakura",
    "Liam",
    "Fatima",
    "Ethan",
    "Chloe",
    "Hiro",
    "Zara",
    "Lucas",
    "Amara",
    "Mia",
    "Omar",
    "Grace",
    "Ivan",
    "Nina",
    "Diego",
    "Hannah",
    "Kofi",
    "Elena",
    "Samuel",
    "Yuki",
    "Leah",
    "Arjun",
    "Isabel",
    "Tomás",
    "Ava",
    "Jonah",
    "Mei",
    "Carlos",
    "Sophie",
    "Ravi",
    "Julia",
    "Ahmed",
    "Emma",
    "Felix",
    "Nora",
    "Kai",
    "Lucia",
    "Benjamin",
    "Ines",
    "David",
    "Rosa",
    "Elijah",
    "Tara",
    "Victor",
    "Anya",
    "Marco",
    "Layla",
    "Henry",
    "Ingrid",
    "Caleb",
    "Naomi",
    "Andre",
    "Keira",
    "Theo",
    "Lina",
    "Oscar",
    "Maya",
    "Rafael",
    "Clara",
    "Isaac",
    "Ada",
    "Hugo",
    "Freya",
    "Nathan",
    "Sana",
    "Adam",
    "Eva",
    "Tyler",
    "Iris",
    "Malik",
    "Ruth",
    "Paolo",
    "Vera"
  };

  private static final String[] LAST_NAMES = {
    "Smith",
    "Garcia",
    "Wang",
    "Khan",
    "Rossi",
    "Johnson",
    "Kim",
    "Tanaka",
    "Müller",
    "Okafor",
    "Silva",
    "Brown",
    "Patel",
    "Nguyen",
    "Cohen",
    "Levi",
    "Martin",
    "Dubois",
    "Novak",
    "Larsen",
    "Schmidt",
    "Ito",
    "Hernandez",
    "Lopez",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
    "Carter",
    "Phillips",
    "Evans",
    "Turner",
    "Torres",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Flores",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Peterson",
    "Cooper",
    "Reed",
    "Bailey",
    "Bell",
    "Gomez",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Diaz",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Bennett",
    "Gray",
    "Mendoza",
    "Ruiz",
    "Hughes",
    "Price",
    "Sanders",
    "Friedman",
    "Haddad",
    "Shapiro",
    "Kowalski",
    "Andersson"
  };

  private static final String[][] DEPARTMENTS = {
    {
      "Engineering",
      "30",
      "Software Engineer",
      "Senior Software Engineer",
      "Staff Engineer",
      "Engineering Manager",
      "DevOps Engineer",
      "QA Engineer"
    },
    {
      "Sales",
      "15",
      "Account Executive",
      "Sales Development Representative",
      "Sales Manager",
      "Solutions Engineer"
    },
    {
      "Marketing",
      "10",
      "Marketing Manager",
      "Content Strategist",
      "Growth Marketer",
      "Product Marketing Manager"
    },
    {
      "Customer Success",
      "10",
      "Customer Success Manager",
      "Support Engineer",
      "Onboarding Specialist"
    },
    {"Product", "8", "Product Manager", "Senior Product Manager", "Product Analyst"},
    {"Design", "5", "Product Designer", "UX Researcher", "Brand Designer"},
    {"Finance", "6", "Financial Analyst", "Controller", "Accountant"},
    {"People", "5", "HR Business Partner", "Recruiter", "People Operations Specialist"},
    {"IT", "5", "IT Support Specialist", "Systems Administrator", "Security Engineer"},
    {"Legal", "3", "Legal Counsel", "Paralegal"},
    {"Operations", "3", "Operations Manager", "Business Operations Analyst"},
  };

  private static final String[] LOCATIONS = {
    "New York", "San Francisco", "London", "Tel Aviv", "Berlin", "Toronto", "Austin", "Remote"
  };

  private static final Map<String, List<String>> DEPARTMENT_APPS =
      Map.ofEntries(
          Map.entry(
              "Engineering",
              List.of(
                  "GitHub",
                  "Jira",
                  "Confluence",
                  "Datadog",
                  "Sentry",
                  "PagerDuty",
                  "Postman",
                  "Docker Hub",
                  "JetBrains",
                  "CircleCI",
                  "Linear",
                  "Vercel",
                  "Snyk")),
          Map.entry(
              "Sales",
              List.of("Salesforce", "Gong", "Outreach", "ZoomInfo", "DocuSign", "HubSpot")),
          Map.entry(
              "Marketing",
              List.of(
                  "HubSpot",
                  "Canva",
                  "Mailchimp",
                  "Hootsuite",
                  "Semrush",
                  "Figma",
                  "Webflow",
                  "Hotjar")),
          Map.entry(
              "Customer Success",
              List.of("Zendesk", "Intercom", "Gainsight", "Salesforce", "Front", "Loom")),
          Map.entry(
              "Product",
              List.of("Jira", "Amplitude", "Mixpanel", "Figma", "Miro", "Looker", "Confluence")),
          Map.entry("Design", List.of("Figma", "Adobe Creative Cloud", "Sketch", "Miro", "Framer")),
          Map.entry(
              "Finance",
              List.of("NetSuite", "Expensify", "Bill.com", "Brex", "Coupa", "Carta", "Tableau")),
          Map.entry(
              "People",
              List.of("BambooHR", "Workday", "Lattice", "Greenhouse", "Culture Amp", "Deel")),
          Map.entry(
              "IT", List.of("Okta", "Jamf", "Kandji", "ServiceNow", "CrowdStrike", "Zscaler")),
          Map.entry("Legal", List.of("DocuSign", "Ironclad", "Box", "Clio")),
          Map.entry("Operations", List.of("Airtable", "Smartsheet", "Monday.com", "Zapier")));

  private static final List<String> CORE_APPS =
      List.of("Slack", "Zoom", "Google Workspace", "Okta", "1Password", "Notion", "Asana");

  private static final List<String> ALEX_APPS_IN_USE =
      List.of("Slack", "Salesforce", "HubSpot", "Dropbox", "Canva");
  private static final List<String> ALEX_APPS_REMOVED = List.of("Zoom", "Notion", "Asana");

  private final SandboxState state;
  private final Random random;
  private final Instant asOf;
  private final LocalDate today;
  private final Map<String, CatalogApp> catalogByName = new LinkedHashMap<>();
  private final Map<String, App> appsByName = new LinkedHashMap<>();
  private final List<Integer> appOwnerPool = new ArrayList<>();

  private SeedData(SandboxState state, long seed) {
    this.state = state;
    this.random = new Random(seed);
    this.asOf = state.asOf();
    this.today = state.dataDate();
  }

  /** Fills {@code state} with the demo org for {@code seed} as of {@link SandboxState#dataDate}. */
  static void populate(SandboxState state, long seed) {
    new SeedData(state, seed).run();
  }

  private void run() {
    roles();
    state.userFields.addAll(Fields.userFields());
    state.appFields.addAll(Fields.appFields());
    state.contractFields.addAll(Fields.contractFields());
    Catalog.apps()
        .forEach(
            c -> {
              state.catalog.put(c.id(), c);
              catalogByName.put(c.name(), c);
            });
    users();
    apps();
    userApps();
    contracts();
    userAndAppHistory();
    workflows();
    files();
    state.audit.sort(java.util.Comparator.comparing(AuditEntry::creationTime));
  }

  // ---------------------------------------------------------------- roles and users

  private void roles() {
    state.roles.add(
        new Role(1, "admin", "Admin", "Full access to every page, setting and action", true));
    state.roles.add(
        new Role(2, "readOnly", "Read Only", "Can view everything, cannot change anything", false));
    state.roles.add(
        new Role(3, "appOwner", "App Owner", "Manages the apps they own and their users", false));
    state.roles.add(
        new Role(4, "helpDesk", "Help Desk", "Runs onboarding and offboarding tasks", false));
    state.roles.add(
        new Role(
            5,
            "financeManager",
            "Finance Manager",
            "Manages contracts, expenses and renewals",
            false));
  }

  private void users() {
    Set<String> emails = new HashSet<>();
    addUser(
        ADMIN_ID,
        "Jordan",
        "Blake",
        null,
        1,
        "active",
        false,
        false,
        false,
        "IT",
        "IT Director",
        emails);
    addUser(
        ALEX_CHEN_ID,
        "Alex",
        "Chen",
        null,
        null,
        "active",
        true,
        false,
        false,
        "Marketing",
        "Senior Marketing Manager",
        emails);
    addUser(
        PRIYA_ID,
        "Priya",
        "Raman",
        null,
        1,
        "active",
        false,
        false,
        false,
        "IT",
        "IT Operations Manager",
        emails);
    addUser(
        MARCUS_ID,
        "Marcus",
        "Webb",
        null,
        5,
        "active",
        false,
        false,
        false,
        "Finance",
        "Procurement Lead",
        emails);
    addUser(
        SOFIA_ID,
        "Sofia",
        "Alvarez",
        null,
        2,
        "active",
        false,
        false,
        false,
        "IT",
        "Security Engineer",
        emails);
    addUser(
        DANIEL_ID,
        "Daniel",
        "Okafor",
        null,
        4,
        "active",
        false,
        false,
        false,
        "IT",
        "IT Support Specialist",
        emails);
    addUser(
        EMILY_ID,
        "Emily",
        "Carter",
        null,
        null,
        "offboarding",
        true,
        false,
        false,
        "Sales",
        "Account Executive",
        emails);
    addUser(
        RYAN_ID,
        "Ryan",
        "Mitchell",
        null,
        3,
        "offboarded",
        true,
        false,
        false,
        "Legal",
        "Legal Counsel",
        emails);
    addUser(
        LENA_ID,
        "Lena",
        "Fischer",
        "lena.fischer@brightpixel.agency",
        null,
        "active",
        false,
        true,
        false,
        "Design",
        "Contract Designer",
        emails);
    String[][] serviceAccounts = {
      {"Jenkins", "Service Account", "svc-jenkins@company.com", "active", "false"},
      {"IT", "Helpdesk", "it-helpdesk@company.com", "active", "false"},
      {"Marketing", "Automation", "marketing-ops@company.com", "active", "false"},
      {"Legacy", "Backup Bot", "svc-backup@company.com", "offboarded", "true"},
    };
    int id = LENA_ID + 1;
    for (String[] sa : serviceAccounts) {
      addUser(
          id++,
          sa[0],
          sa[1],
          sa[2],
          null,
          sa[3],
          Boolean.parseBoolean(sa[4]),
          false,
          true,
          "IT",
          "Service account",
          emails);
    }
    int appOwnerRoles = 0;
    while (id < ADMIN_ID + USER_COUNT) {
      String first = pick(FIRST_NAMES);
      String last = pick(LAST_NAMES);
      String local = ascii(first + "." + last);
      if (emails.contains(local + "@" + SandboxState.DOMAIN)) {
        continue;
      }
      double r = random.nextDouble();
      String lifecycle = r < 0.09 ? "offboarded" : r < 0.13 ? "offboarding" : "active";
      boolean deleted =
          lifecycle.equals("offboarded")
              || (lifecycle.equals("offboarding") && random.nextDouble() < 0.7)
              || random.nextDouble() < 0.02;
      boolean external = random.nextDouble() < 0.06;
      String email =
          external
              ? local
                  + "@"
                  + pick(
                      new String[] {"northpeak-consulting.com", "brightpixel.agency", "lexa.law"})
              : null;
      Integer role = null;
      if (lifecycle.equals("active") && !external) {
        double rr = random.nextDouble();
        if (rr < 0.09 && appOwnerRoles < 22) {
          role = 3;
          appOwnerRoles++;
        } else if (rr < 0.11) {
          role = 2;
        } else if (rr < 0.12) {
          role = 4;
        }
      }
      String[] dept = department();
      addUser(
          id++,
          first,
          last,
          email,
          role,
          lifecycle,
          deleted,
          external,
          false,
          dept[0],
          dept[2 + random.nextInt(dept.length - 2)],
          emails);
    }
    for (User user : state.users.values()) {
      boolean owner =
          user.idRole() != null
              && (user.idRole() == 1 || user.idRole() == 3)
              && user.lifecycleStatus().equals("active");
      if (owner) {
        appOwnerPool.add(user.id());
      }
    }
    state.apiUserId = ADMIN_ID;
  }

  private void addUser(
      int id,
      String first,
      String last,
      String email,
      Integer role,
      String lifecycle,
      boolean deleted,
      boolean external,
      boolean nonHuman,
      String department,
      String jobTitle,
      Set<String> emails) {
    String address = email != null ? email : ascii(first + "." + last) + "@" + SandboxState.DOMAIN;
    emails.add(address);
    Instant created = asOf.minus(Duration.ofDays(30 + random.nextInt(1700)));
    created = created.plusSeconds(random.nextInt(36_000));
    Map<String, Object> fields = new LinkedHashMap<>();
    if (!nonHuman) {
      fields.put("department", department);
      fields.put("jobTitle", jobTitle);
      fields.put("location", pick(LOCATIONS));
      fields.put("employeeId", external ? null : String.format("E%04d", id - 9000));
      fields.put("startDate", LocalDate.ofInstant(created, ZoneOffset.UTC).minusDays(3));
    } else {
      fields.put("department", department);
    }
    fields.values().removeIf(v -> v == null);
    List<String> additional = new ArrayList<>();
    if (!external && !nonHuman && random.nextDouble() < 0.1) {
      additional.add(ascii(first.charAt(0) + last) + "@company.io");
    }
    if (id == ALEX_CHEN_ID) {
      additional = List.of("alex@company.io");
    }
    state.users.put(
        id,
        new User(
            id,
            first,
            last,
            address,
            created,
            role,
            lifecycle,
            deleted,
            external,
            nonHuman,
            additional,
            fields));
  }

  private String[] department() {
    int total = 0;
    for (String[] d : DEPARTMENTS) {
      total += Integer.parseInt(d[1]);
    }
    int r = random.nextInt(total);
    for (String[] d : DEPARTMENTS) {
      r -= Integer.parseInt(d[1]);
      if (r < 0) {
        return d;
      }
    }
    return DEPARTMENTS[0];
  }

  // ---------------------------------------------------------------- apps

  private void apps() {
    Set<String> chosen = new LinkedHashSet<>();
    for (CatalogApp c : state.catalog.values()) {
      if (c.category().equals("File Sharing") || c.category().equals("Cloud Storage")) {
        chosen.add(c.name());
      }
    }
    chosen.addAll(CORE_APPS);
    DEPARTMENT_APPS.values().forEach(chosen::addAll);
    chosen.addAll(List.of("Microsoft 365", "Calendly", "Grammarly", "Trello", "Microsoft Teams"));
    List<String> others = new ArrayList<>();
    for (CatalogApp c : state.catalog.values()) {
      if (!chosen.contains(c.name())) {
        others.add(c.name());
      }
    }
    Collections.shuffle(others, random);
    chosen.addAll(others.subList(0, Math.min(12, others.size())));
    for (CatalogApp c : state.catalog.values()) {
      if (chosen.contains(c.name())) {
        addCatalogApp(c);
      }
    }
    String[][] customApps = {
      {"Atlas CRM (internal)", "Sales & Marketing", "https://atlas.company.com", "In-house CRM"},
      {"Expense Bot", "Finance", "https://expenses.company.com", "Slack bot for receipts"},
      {"Onboarding Portal", "Human Resources", "https://onboarding.company.com", "New hires"},
      {"Legacy Billing", "Finance", "https://billing-old.company.com", "Old billing system"},
    };
    for (String[] c : customApps) {
      int id = state.nextCustomAppId++;
      App app =
          new App(
              id,
              c[0],
              c[0].startsWith("Legacy") ? "closed" : "managed",
              c[1],
              c[2],
              "https://logos.sandbox.invalid/custom.png",
              c[3],
              "Internal",
              false,
              pickOwner(),
              List.of(),
              10 + random.nextInt(30),
              true,
              ADMIN_ID,
              asOf.minus(Duration.ofDays(200 + random.nextInt(600))),
              List.of("manual"),
              null,
              asOf.minus(Duration.ofHours(2 + random.nextInt(400))),
              Map.of("c_businessCriticality", "Medium", "c_dataClassification", "Internal"),
              null);
      state.apps.put(id, app);
      appsByName.put(app.name(), app);
    }
  }

  private void addCatalogApp(CatalogApp c) {
    String name = c.name();
    String category = c.category();
    boolean storage = category.equals("File Sharing") || category.equals("Cloud Storage");
    String appState;
    Integer owner;
    if (OWNERLESS_STORAGE_APPS.contains(name)) {
      appState = name.equals("WeTransfer") || name.equals("Wasabi") ? "discovered" : "managed";
      owner = null;
    } else if (name.equals("ShareFile")) {
      appState = "managed";
      owner = RYAN_ID;
    } else if (name.equals("Box") || name.equals("Google Drive") || name.equals("OneDrive")) {
      appState = "managed";
      owner = name.equals("Box") ? PRIYA_ID : pickOwner();
    } else if (CORE_APPS.contains(name)) {
      appState = "managed";
      owner = name.equals("Okta") || name.equals("1Password") ? PRIYA_ID : pickOwner();
    } else if (storage) {
      double r = random.nextDouble();
      appState = r < 0.4 ? "discovered" : r < 0.7 ? "unmanaged" : r < 0.85 ? "closed" : "ignored";
      owner = random.nextDouble() < 0.5 ? pickOwner() : null;
    } else {
      double r = random.nextDouble();
      appState =
          r < 0.6
              ? "managed"
              : r < 0.8 ? "discovered" : r < 0.88 ? "unmanaged" : r < 0.96 ? "closed" : "ignored";
      double ownerChance = appState.equals("managed") ? 0.85 : 0.25;
      owner = random.nextDouble() < ownerChance ? pickOwner() : null;
    }
    List<Integer> appOwners = new ArrayList<>();
    if (owner != null) {
      appOwners.add(owner);
      if (random.nextDouble() < 0.3) {
        int second = pickOwner();
        if (second != owner) {
          appOwners.add(second);
        }
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    if (appState.equals("managed") || random.nextDouble() < 0.3) {
      fields.put(
          "c_businessCriticality",
          storage || CORE_APPS.contains(name)
              ? "High"
              : pick(new String[] {"Low", "Medium", "Medium", "High", "Critical"}));
      fields.put(
          "c_dataClassification",
          storage
              ? "Confidential"
              : pick(new String[] {"Internal", "Internal", "Confidential", "Restricted"}));
      fields.put("c_ssoEnabled", random.nextDouble() < 0.65 ? "Yes" : "No");
      fields.put("c_costCenter", costCenter(category));
      if (random.nextDouble() < 0.5) {
        fields.put("c_securityReviewDate", today.minusDays(20 + random.nextInt(500)));
      }
    }
    List<String> sources = new ArrayList<>();
    if (!appState.equals("discovered") || random.nextDouble() < 0.3) {
      sources.add("Okta");
    }
    if (random.nextDouble() < 0.6) {
      sources.add("Google Workspace");
    }
    if (appState.equals("discovered") || random.nextDouble() < 0.4) {
      sources.add("Browser extension");
    }
    if (random.nextDouble() < 0.5) {
      sources.add("Expenses");
    }
    if (sources.isEmpty()) {
      sources.add("Browser extension");
    }
    boolean closed = appState.equals("closed") || appState.equals("ignored");
    App.LicensePlan license = null;
    if (!closed && (appState.equals("managed") || random.nextDouble() < 0.3)) {
      String[] plans = {"Business", "Business Plus", "Enterprise", "Pro", "Standard", "Teams"};
      license =
          new App.LicensePlan(
              pick(plans),
              0,
              new Money(6_000 + 1_000L * random.nextInt(55), licenseCurrency(name)));
    }
    App app =
        new App(
            c.id(),
            name,
            appState,
            category,
            c.url(),
            c.imageUrl(),
            c.description(),
            tags(category),
            appState.equals("ignored") && random.nextBoolean(),
            owner,
            appOwners,
            storage ? 55 + random.nextInt(40) : random.nextInt(100),
            false,
            appState.equals("discovered") ? null : pick(new Integer[] {ADMIN_ID, PRIYA_ID}),
            asOf.minus(Duration.ofDays(60 + random.nextInt(1500))),
            sources,
            c.vendor(),
            closed
                ? asOf.minus(Duration.ofDays(90 + random.nextInt(300)))
                : asOf.minus(Duration.ofMinutes(5 + random.nextInt(60 * 24 * 10))),
            fields,
            license);
    state.apps.put(app.id(), app);
    appsByName.put(name, app);
  }

  private String licenseCurrency(String name) {
    return switch (name) {
      case "WeTransfer", "pCloud", "Miro", "Personio" -> "EUR";
      case "Wasabi", "Hootsuite" -> "GBP";
      case "Sync.com" -> "CAD";
      case "Monday.com" -> "ILS";
      default -> "USD";
    };
  }

  private static String costCenter(String category) {
    return switch (category) {
      case "Developer Tools", "IT Operations", "Project Management" -> "R&D";
      case "Sales & Marketing", "Customer Success" -> "Sales";
      case "Design" -> "Marketing";
      case "Finance", "Human Resources", "Legal" -> "G&A";
      default -> "IT";
    };
  }

  private static String tags(String category) {
    return switch (category) {
      case "File Sharing", "Cloud Storage" -> "Storage,Data";
      case "Developer Tools", "IT Operations" -> "DevOps";
      case "Human Resources" -> "Human Resource";
      case "Sales & Marketing" -> "Sales,Marketing";
      case "Security & Compliance" -> "Security";
      default -> category;
    };
  }

  private int pickOwner() {
    return appOwnerPool.get(random.nextInt(appOwnerPool.size()));
  }

  // ---------------------------------------------------------------- user apps

  private void userApps() {
    List<App> fileApps = new ArrayList<>();
    for (App app : state.apps.values()) {
      boolean storage =
          app.category().equals("File Sharing") || app.category().equals("Cloud Storage");
      if (storage && !app.state().equals("closed") && !app.state().equals("ignored")) {
        fileApps.add(app);
      }
    }
    List<App> allApps = new ArrayList<>(state.apps.values());
    for (User user : state.users.values()) {
      Map<String, Boolean> plan = new LinkedHashMap<>();
      if (user.id() == ALEX_CHEN_ID) {
        ALEX_APPS_IN_USE.forEach(a -> plan.put(a, false));
        ALEX_APPS_REMOVED.forEach(a -> plan.put(a, true));
      } else if (user.isNonHuman()) {
        plan.put(pick(new String[] {"GitHub", "Slack", "Google Workspace", "HubSpot"}), false);
        plan.put("Okta", false);
      } else {
        for (String core : CORE_APPS) {
          if (!user.isExternal() || core.equals("Slack") || core.equals("Zoom")) {
            plan.put(core, false);
          }
        }
        String dept = (String) user.fields().getOrDefault("department", "Engineering");
        for (String name : DEPARTMENT_APPS.getOrDefault(dept, List.of())) {
          if (random.nextDouble() < 0.7) {
            plan.put(name, false);
          }
        }
        int storageCount = 1 + random.nextInt(2);
        for (int i = 0; i < storageCount; i++) {
          plan.put(fileApps.get(random.nextInt(fileApps.size())).name(), false);
        }
        int extras = random.nextInt(4);
        for (int i = 0; i < extras; i++) {
          plan.put(allApps.get(random.nextInt(allApps.size())).name(), false);
        }
      }
      for (Map.Entry<String, Boolean> entry : plan.entrySet()) {
        App app = appsByName.get(entry.getKey());
        if (app != null) {
          addMembership(user, app, entry.getValue());
        }
      }
    }
    for (App app : state.apps.values()) {
      if (app.license() != null) {
        long assigned =
            state.usersOfApp(app.id()).stream().filter(u -> u.annualCost() != null).count();
        int total = (int) Math.round(assigned * (1.05 + random.nextDouble() * 0.4)) + 2;
        App.LicensePlan plan = app.license();
        App updated =
            withLicense(app, new App.LicensePlan(plan.name(), total, plan.pricePerLicense()));
        state.apps.put(app.id(), updated);
        appsByName.put(app.name(), updated);
      }
    }
  }

  private App withLicense(App a, App.LicensePlan license) {
    return new App(
        a.id(),
        a.name(),
        a.state(),
        a.category(),
        a.url(),
        a.imageUrl(),
        a.description(),
        a.tags(),
        a.isHidden(),
        a.primaryOwner(),
        a.appOwners(),
        a.score(),
        a.isCustom(),
        a.addedBy(),
        a.creationTime(),
        a.sources(),
        a.vendor(),
        a.lastVisitTime(),
        a.fields(),
        license);
  }

  private void addMembership(User user, App app, boolean alexRemoved) {
    boolean removed;
    String status;
    switch (user.lifecycleStatus()) {
      case "offboarded" -> {
        removed = random.nextDouble() < 0.85;
        status = removed ? "deleted" : "active";
      }
      case "offboarding" -> {
        removed = random.nextDouble() < 0.4;
        status = removed ? "deleted" : "active";
      }
      default -> {
        removed = user.id() == ALEX_CHEN_ID ? alexRemoved : random.nextDouble() < 0.01;
        status = removed ? "deleted" : "active";
      }
    }
    boolean closedApp = app.state().equals("closed") || app.state().equals("ignored");
    if (closedApp && user.id() != ALEX_CHEN_ID) {
      status = "deleted";
    }
    Instant created = user.creationTime().plus(Duration.ofDays(random.nextInt(120)));
    if (created.isAfter(asOf)) {
      created = asOf.minus(Duration.ofDays(1));
    }
    Instant lastVisit =
        random.nextDouble() < 0.12
            ? null
            : asOf.minus(Duration.ofMinutes(10 + random.nextInt(60 * 24 * 75)));
    if (lastVisit != null && lastVisit.isBefore(created)) {
      lastVisit = created.plus(Duration.ofDays(1));
    }
    if (user.id() == ALEX_CHEN_ID && !alexRemoved) {
      lastVisit = asOf.minus(Duration.ofDays(2 + random.nextInt(10)));
    }
    Money cost =
        app.license() != null && status.equals("active") ? app.license().pricePerLicense() : null;
    String role =
        app.primaryOwner() != null && app.primaryOwner() == user.id()
            ? "Owner"
            : random.nextDouble() < 0.08
                ? "Admin"
                : random.nextDouble() < 0.2 ? "Viewer" : "Member";
    state.addUserApp(
        new UserApp(
            user.id(),
            app.id(),
            status,
            removed,
            status.equals("active") ? "active" : "deprovisioned",
            role,
            app.sources().contains("Okta") ? List.of("Okta", app.name()) : List.of(app.name()),
            created,
            lastVisit,
            cost,
            cost == null ? null : app.license().name()));
  }

  // ---------------------------------------------------------------- contracts

  private void contracts() {
    state.nextContractId = FIRST_CONTRACT_ID;
    notableContract(
        "Dropbox",
        "Dropbox Business Advanced (annual)",
        "active",
        MARCUS_ID,
        4_860_000,
        "USD",
        8,
        1,
        1,
        60);
    notableContract(
        "WeTransfer",
        "WeTransfer Teams annual plan",
        "active",
        null,
        1_188_000,
        "EUR",
        4,
        15,
        1,
        25);
    notableContract(
        "pCloud", "pCloud Business 2-year", "active", MARCUS_ID, 900_000, "EUR", 11, 1, 2, 40);
    notableContract(
        "Wasabi", "Wasabi reserved capacity 50 TB", "active", null, 1_450_000, "GBP", 6, 1, 1, 0);
    notableContract("Sync.com", "Sync Teams Pro", "expired", null, 420_000, "CAD", 26, 10, 1, 15);
    notableContract(
        "Box", "Box Enterprise Plus", "active", PRIYA_ID, 7_200_000, "USD", 10, 1, 1, 120);
    notableContract(
        "ShareFile", "ShareFile Premium", "expired", RYAN_ID, 1_560_000, "USD", 28, 1, 1, 20);
    notableContract(
        "Monday.com",
        "monday.com Enterprise (80 seats)",
        "active",
        MARCUS_ID,
        9_600_000,
        "ILS",
        3,
        1,
        1,
        80);
    notableContract(
        "Hootsuite", "Hootsuite Professional", "inactive", null, 240_000, "GBP", 9, 1, 1, 5);
    String[] currencies = {
      "USD", "USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP", "GBP", "ILS", "CAD"
    };
    for (App app : state.apps.values()) {
      if (app.isCustom() || appHasContract(app.id())) {
        continue;
      }
      boolean storage =
          app.category().equals("File Sharing") || app.category().equals("Cloud Storage");
      if (storage) {
        continue;
      }
      double chance =
          app.state().equals("managed") ? 0.7 : app.state().equals("closed") ? 0.4 : 0.12;
      if (random.nextDouble() >= chance) {
        continue;
      }
      String currency =
          app.license() != null ? app.license().pricePerLicense().currency() : pick(currencies);
      if (currency.equals("USD")) {
        currency = pick(currencies);
      }
      long amount = 10_000L * (30 + random.nextInt(2_400));
      boolean old = app.state().equals("closed") || random.nextDouble() < 0.25;
      if (old) {
        LocalDate start = today.minusDays(500 + random.nextInt(500));
        String status =
            app.state().equals("closed") && random.nextBoolean() ? "terminated" : "expired";
        randomContract(
            app,
            app.name() + " " + start.getYear() + " subscription",
            status,
            amount,
            currency,
            start,
            start.plusYears(1).minusDays(1));
      }
      if (!app.state().equals("closed")) {
        double r = random.nextDouble();
        LocalDate start;
        String status;
        if (r < 0.08) {
          start = today.plusDays(15 + random.nextInt(60));
          status = random.nextBoolean() ? "pipeline" : "inReview";
        } else if (r < 0.13) {
          start = today.minusDays(100 + random.nextInt(200));
          status = "inactive";
        } else {
          start = today.minusDays(random.nextInt(330));
          status = "active";
        }
        String plan = app.license() != null ? app.license().name() : "Subscription";
        randomContract(
            app,
            app.name() + " " + plan,
            status,
            amount,
            currency,
            start,
            start.plusYears(1).minusDays(1));
      }
    }
  }

  private boolean appHasContract(int idApp) {
    return state.contracts.values().stream().anyMatch(c -> c.idApp() == idApp);
  }

  /** A fixed contract starting {@code monthsAgo} months before the data date. */
  private void notableContract(
      String appName,
      String name,
      String status,
      Integer owner,
      long amount,
      String currency,
      int monthsAgo,
      int dayOfMonth,
      int years,
      int licenses) {
    LocalDate startDate = today.minusMonths(monthsAgo).withDayOfMonth(dayOfMonth);
    LocalDate endDate = startDate.plusYears(years).minusDays(1);
    App app = appsByName.get(appName);
    Map<String, Object> values =
        baseValues(name, app.id(), status, owner, new Money(amount, currency), startDate, endDate);
    if (licenses > 0) {
      values.put("licenseCount", licenses);
    }
    values.put("autoRenewal", status.equals("active") ? "Yes" : "No");
    if (status.equals("active")) {
      values.put("renewalDate", endDate.plusDays(1));
      values.put("cancellationDeadline", endDate.minusDays(60));
    }
    values.put("c_legalReviewed", "Yes");
    values.put("c_costCenter", "IT");
    saveContract(values, ADMIN_ID, startDate.minusDays(20));
  }

  private void randomContract(
      App app,
      String name,
      String status,
      long amount,
      String currency,
      LocalDate start,
      LocalDate end) {
    Integer owner =
        random.nextDouble() < 0.6 ? (random.nextBoolean() ? MARCUS_ID : pickOwner()) : null;
    Map<String, Object> values =
        baseValues(name, app.id(), status, owner, new Money(amount, currency), start, end);
    boolean autoRenew = random.nextDouble() < 0.6;
    values.put("autoRenewal", autoRenew ? "Yes" : "No");
    if (autoRenew && status.equals("active")) {
      values.put("renewalDate", end.plusDays(1));
    }
    if (random.nextDouble() < 0.5) {
      values.put("cancellationDeadline", end.minusDays(30 * (1 + random.nextInt(3))));
    }
    if (app.license() != null) {
      values.put("licenseCount", app.license().totalAmount());
    }
    if (random.nextDouble() < 0.7) {
      values.put("c_legalReviewed", random.nextDouble() < 0.8 ? "Yes" : "No");
    }
    if (random.nextDouble() < 0.5) {
      values.put("c_procurementTicket", "PROC-" + (1000 + random.nextInt(9000)));
    }
    values.put("c_costCenter", costCenter(app.category()));
    if (random.nextDouble() < 0.15) {
      values.put("notes", "Negotiated a multi-year discount; revisit seat count before renewal.");
    }
    int creator = random.nextBoolean() ? MARCUS_ID : ADMIN_ID;
    saveContract(values, creator, start.minusDays(5 + random.nextInt(40)));
  }

  private Map<String, Object> baseValues(
      String name,
      int idApp,
      String status,
      Integer owner,
      Money amount,
      LocalDate start,
      LocalDate end) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("idApp", idApp);
    values.put("status", status);
    if (owner != null) {
      values.put("owner", owner);
    }
    values.put("amount", amount);
    values.put("startDate", start);
    values.put("endDate", end);
    values.put("paymentTerm", end.isAfter(start.plusYears(1)) ? "Multi-year" : "Annual");
    return values;
  }

  private void saveContract(Map<String, Object> values, int createdBy, LocalDate createdOn) {
    int id = state.nextContractId++;
    Instant created =
        createdOn
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .plusSeconds(32_400 + random.nextInt(28_800));
    if (created.isAfter(asOf)) {
      created = asOf.minus(Duration.ofDays(3));
    }
    String source = random.nextDouble() < 0.8 ? "ui" : "api";
    Contract contract = new Contract(id, created, createdBy, source, values);
    state.contracts.put(id, contract);
    User by = state.users.get(createdBy);
    Money amount = contract.amount();
    App app = state.apps.get(contract.idApp());
    ObjectNode created1 = contractProps(contract, app);
    ObjectNode newValues = created1.putObject("newValues");
    newValues.put("name", contract.name());
    newValues.put("status", contract.status());
    newValues.set("amount", amount.toJson());
    newValues.put("startDate", String.valueOf(contract.value("startDate")));
    newValues.put("endDate", String.valueOf(contract.value("endDate")));
    String initialStatus = contract.status();
    boolean statusChanged = !initialStatus.equals("pipeline") && !initialStatus.equals("inReview");
    if (statusChanged) {
      newValues.put("status", "inReview");
    }
    Money initialAmount = amount;
    boolean amountChanged = random.nextDouble() < 0.35;
    if (amountChanged) {
      long delta =
          Math.max(
              10_000L,
              Math.round(amount.value() * (0.05 + random.nextDouble() * 0.2) / 10_000) * 10_000);
      initialAmount =
          new Money(
              random.nextBoolean() ? amount.value() - delta : amount.value() + delta,
              amount.currency());
      if (initialAmount.value() <= 0) {
        initialAmount = new Money(amount.value() + delta, amount.currency());
      }
      newValues.set("amount", initialAmount.toJson());
    }
    audit(by, created, "create_contract", "contracts", "/contracts", "post", created1);
    Instant t = created;
    if (amountChanged) {
      t = t.plus(Duration.ofHours(20 + random.nextInt(400)));
      ObjectNode p = contractProps(contract, app);
      p.putObject("oldValues").set("amount", initialAmount.toJson());
      p.putObject("newValues").set("amount", amount.toJson());
      audit(
          pickAuditor(),
          within(created, t),
          "update_contract",
          "contracts",
          "/contracts/" + id,
          "put",
          p);
    }
    if (statusChanged) {
      String previous = "inReview";
      if (!initialStatus.equals("active")) {
        ObjectNode p = contractProps(contract, app);
        p.putObject("oldValues").put("status", previous);
        p.putObject("newValues").put("status", "active");
        t = t.plus(Duration.ofHours(5 + random.nextInt(100)));
        audit(
            pickAuditor(),
            within(created, t),
            "update_contract",
            "contracts",
            "/contracts/" + id,
            "put",
            p);
        previous = "active";
        LocalDate end = contract.endDate();
        t =
            end != null && end.isBefore(today)
                ? end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3_600)
                : t.plus(Duration.ofDays(30));
      } else {
        t = t.plus(Duration.ofHours(5 + random.nextInt(100)));
      }
      ObjectNode p = contractProps(contract, app);
      p.putObject("oldValues").put("status", previous);
      p.putObject("newValues").put("status", initialStatus);
      audit(
          pickAuditor(),
          within(created, t),
          "update_contract",
          "contracts",
          "/contracts/" + id,
          "put",
          p);
    }
  }

  /** {@code t}, or a random instant between {@code from} and the data instant if t is later. */
  private Instant within(Instant from, Instant t) {
    if (!t.isAfter(asOf)) {
      return t;
    }
    long span = Math.max(2, Duration.between(from, asOf).getSeconds());
    return from.plusSeconds(1 + (long) (random.nextDouble() * (span - 1)));
  }

  private Instant min(Instant t) {
    return t.isAfter(asOf) ? asOf.minus(Duration.ofMinutes(30)) : t;
  }

  private static ObjectNode contractProps(Contract contract, App app) {
    ObjectNode p = Json.object();
    p.put("idContract", contract.id());
    p.put("contractName", contract.name());
    p.put("idApp", contract.idApp());
    p.put("appName", app.name());
    return p;
  }

  private User pickAuditor() {
    int[] ids = {ADMIN_ID, PRIYA_ID, MARCUS_ID, MARCUS_ID};
    return state.users.get(ids[random.nextInt(ids.length)]);
  }

  private void audit(
      User by,
      Instant when,
      String type,
      String entity,
      String path,
      String method,
      ObjectNode properties) {
    String ip = "203.0.113." + (10 + (by.id() % 200));
    state.audit.add(
        new AuditEntry(
            by.id(),
            by.firstName(),
            by.lastName(),
            by.email().toLowerCase(),
            when,
            type,
            entity,
            "/api/orgs/" + SandboxState.ID_ORG + path,
            method,
            ip,
            properties));
  }

  // ---------------------------------------------------------------- history of users and apps

  private void userAndAppHistory() {
    for (User user : state.users.values()) {
      if (user.lifecycleStatus().equals("active")) {
        continue;
      }
      Instant started = asOf.minus(Duration.ofDays(3 + random.nextInt(150)));
      ObjectNode p = Json.object();
      p.put("idUser", user.id());
      p.put("email", user.email());
      p.putObject("oldValues").put("lifecycleStatus", "active");
      p.putObject("newValues").put("lifecycleStatus", "offboarding");
      audit(
          pickHelpDeskOrAdmin(),
          started,
          "update_user_lifecycle_status",
          "users",
          "/users/" + user.id(),
          "put",
          p);
      if (user.lifecycleStatus().equals("offboarded")) {
        ObjectNode q = Json.object();
        q.put("idUser", user.id());
        q.put("email", user.email());
        q.putObject("oldValues").put("lifecycleStatus", "offboarding");
        q.putObject("newValues").put("lifecycleStatus", "offboarded");
        audit(
            pickHelpDeskOrAdmin(),
            min(started.plus(Duration.ofDays(1 + random.nextInt(14)))),
            "update_user_lifecycle_status",
            "users",
            "/users/" + user.id(),
            "put",
            q);
      }
    }
    for (App app : state.apps.values()) {
      if (app.isCustom()) {
        ObjectNode p = Json.object();
        p.put("idApp", app.id());
        p.put("appName", app.name());
        p.putObject("newValues").put("name", app.name()).put("category", app.category());
        audit(
            state.users.get(ADMIN_ID),
            app.creationTime(),
            "add_custom_app",
            "apps",
            "/apps/custom",
            "post",
            p);
        continue;
      }
      if (app.state().equals("discovered")) {
        continue;
      }
      Instant when = asOf.minus(Duration.ofDays(1 + random.nextInt(170)));
      ObjectNode p = Json.object();
      p.put("idApp", app.id());
      p.put("appName", app.name());
      p.putObject("oldValues").put("state", "discovered");
      p.putObject("newValues").put("state", app.state());
      audit(pickAuditor(), when, "update_app_details", "apps", "/apps/" + app.id(), "put", p);
      if (app.primaryOwner() != null && random.nextDouble() < 0.3) {
        ObjectNode o = Json.object();
        o.put("idApp", app.id());
        o.put("appName", app.name());
        o.putObject("oldValues").putNull("primaryOwner");
        o.putObject("newValues").put("primaryOwner", app.primaryOwner());
        audit(
            pickAuditor(),
            min(when.plus(Duration.ofHours(2))),
            "update_app_details",
            "apps",
            "/apps/" + app.id(),
            "put",
            o);
      }
    }
    ObjectNode key = Json.object();
    key.put("description", "Sandbox demo key");
    key.put("permissions", "admin");
    audit(
        state.users.get(ADMIN_ID),
        asOf.minus(Duration.ofDays(40)),
        "create_public_api_key",
        "authentication",
        "/apiKeys",
        "post",
        key);
  }

  private User pickHelpDeskOrAdmin() {
    return state.users.get(random.nextBoolean() ? DANIEL_ID : ADMIN_ID);
  }

  // ---------------------------------------------------------------- workflows

  private void workflows() {
    Integer slack = idOf("Slack");
    Integer zoom = idOf("Zoom");
    Integer jira = idOf("Jira");
    Integer okta = idOf("Okta");
    Integer salesforce = idOf("Salesforce");
    Integer figma = idOf("Figma");
    addWorkflow(
        501,
        "Offboarding: remove app access",
        "Removes a leaver from core apps and opens a ticket",
        "userLeft",
        true,
        4,
        List.of(
            action("a1", "sendEmail", null),
            action("a2", "removeUserFromApp", slack),
            action("a3", "removeUserFromApp", zoom),
            action("a4", "createJiraIssue", jira)));
    addWorkflow(
        502,
        "New app discovered: notify IT",
        "Posts to #it-apps when a new app is discovered",
        "newAppDiscovered",
        true,
        2,
        List.of(action("a1", "sendSlackMessage", slack), action("a2", "createTask", null)));
    addWorkflow(
        503,
        "Contract renewal reminder (60 days)",
        "Reminds the contract owner 60 days before the end date",
        "contractMeetsCriteria",
        true,
        3,
        List.of(action("a1", "sendEmail", null), action("a2", "sendSlackMessage", slack)));
    addWorkflow(
        504,
        "Reclaim unused licenses (90 days)",
        "Asks inactive users whether they still need a license",
        "licenseNotInUse",
        true,
        5,
        List.of(action("a1", "sendEmail", null), action("a2", "removeLicense", salesforce)));
    addWorkflow(
        505,
        "Onboarding: provision core apps",
        "Adds new joiners to the core Okta groups",
        "userJoins",
        true,
        2,
        List.of(action("a1", "addUserToGroup", okta), action("a2", "sendEmail", null)));
    addWorkflow(
        506,
        "Ownerless apps: ask IT to assign an owner",
        "Opens a task for managed apps without a primary owner",
        "appMeetsCriteria",
        true,
        1,
        List.of(action("a1", "createTask", null), action("a2", "sendSlackMessage", slack)));
    addWorkflow(
        507,
        "Weekly shadow IT digest",
        "Emails IT the apps discovered this week",
        "scheduled",
        true,
        1,
        List.of(action("a1", "sendReport", null)));
    addWorkflow(
        508,
        "Access request: Figma",
        "Approval flow for Figma editor seats",
        "userMeetsCriteria",
        false,
        2,
        List.of(action("a1", "requestApproval", null), action("a2", "addUserToApp", figma)));

    List<Workflow> workflows = new ArrayList<>(state.workflows.values());
    List<User> humans = state.users.values().stream().filter(u -> !u.isNonHuman()).toList();
    List<ActionExecution> executions = new ArrayList<>();
    int executionId = FIRST_WORKFLOW_EXECUTION_ID;
    while (executions.size() < 90) {
      Workflow workflow = workflows.get(random.nextInt(workflows.size() - 1));
      User target = humans.get(random.nextInt(humans.size()));
      Instant start = asOf.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 60)));
      boolean stopped = false;
      for (Workflow.Action step : workflow.actions()) {
        Instant run = start.plusSeconds(5 + random.nextInt(60));
        String status;
        String errorType = null;
        String errorMessage = null;
        if (stopped) {
          break;
        }
        double r = random.nextDouble();
        if (start.isAfter(asOf.minus(Duration.ofHours(3))) && r < 0.5) {
          status = "running";
        } else if (r < 0.16) {
          status = "failed";
          String[] error = failure(step.actionType());
          errorType = error[0];
          errorMessage = error[1];
          stopped = true;
        } else if (r < 0.2 && step.actionType().equals("removeUserFromApp")) {
          status = "ignored";
        } else {
          status = "completed";
        }
        Instant end = status.equals("running") ? null : run.plusSeconds(1 + random.nextInt(40));
        executions.add(
            new ActionExecution(
                0,
                workflow.id(),
                executionId,
                step.idAction(),
                step.actionType(),
                step.idApp(),
                target.id(),
                status,
                errorType,
                errorMessage,
                start,
                run,
                end));
        start = run;
      }
      executionId++;
    }
    executions.sort(java.util.Comparator.comparing(ActionExecution::creationTime));
    int id = FIRST_ACTION_EXECUTION_ID;
    for (ActionExecution e : executions) {
      state.actionExecutions.add(
          new ActionExecution(
              id++,
              e.idWorkflow(),
              e.idWorkflowExecution(),
              e.idAction(),
              e.actionType(),
              e.idApp(),
              e.idUser(),
              e.status(),
              e.errorType(),
              e.errorMessage(),
              e.creationTime(),
              e.runTime(),
              e.endTime()));
    }
    state.nextActionExecutionId = id;
    state.nextWorkflowExecutionId = executionId;

    for (Workflow w : state.workflows.values()) {
      User by = state.users.get(w.createdBy());
      workflowAudit(by, w.creationTime(), "create_workflow", w, "created");
      for (int v = 2; v <= w.version(); v++) {
        Instant when = w.creationTime().plus(Duration.ofDays(v * 17L + random.nextInt(10)));
        workflowAudit(pickAuditor(), min(when), "update_workflow", w, "updated");
      }
      if (!w.isActive()) {
        workflowAudit(by, asOf.minus(Duration.ofDays(12)), "update_workflow", w, "deactivated");
      }
    }
    for (int i = 0; i < 6; i++) {
      Workflow w = workflows.get(random.nextInt(workflows.size() - 1));
      workflowAudit(
          pickAuditor(),
          asOf.minus(Duration.ofHours(5 + random.nextInt(1_000))),
          "workflow_triggered_manually",
          w,
          "triggered");
    }
    state.workflowAudit.sort(java.util.Comparator.comparing(WorkflowAuditEntry::creationTime));
  }

  private Integer idOf(String appName) {
    App app = appsByName.get(appName);
    return app == null ? null : app.id();
  }

  private static Workflow.Action action(String id, String type, Integer idApp) {
    return new Workflow.Action(id, type, idApp);
  }

  private void addWorkflow(
      int id,
      String name,
      String description,
      String trigger,
      boolean active,
      int version,
      List<Workflow.Action> actions) {
    Instant created = asOf.minus(Duration.ofDays(120 + random.nextInt(500)));
    int author = id % 2 == 0 ? PRIYA_ID : ADMIN_ID;
    state.workflows.put(
        id,
        new Workflow(
            id, name, description, "regular", trigger, active, version, created, author, actions));
  }

  private static String[] failure(String actionType) {
    return switch (actionType) {
      case "removeUserFromApp" ->
          new String[] {
            "INTEGRATION_PERMISSION_ERROR",
            "The app's integration lacks the scope needed to remove users (403 from the vendor API)"
          };
      case "sendSlackMessage" ->
          new String[] {"SLACK_CHANNEL_NOT_FOUND", "Slack returned channel_not_found for #it-apps"};
      case "createJiraIssue" ->
          new String[] {
            "INTEGRATION_NOT_CONNECTED",
            "The Jira integration is disconnected; reconnect it under Integrations"
          };
      case "sendEmail", "sendReport" ->
          new String[] {"INVALID_RECIPIENT", "No manager email is set for the user"};
      case "removeLicense" ->
          new String[] {"APP_USER_NOT_FOUND", "The user has no account in Salesforce"};
      case "addUserToGroup" ->
          new String[] {"RATE_LIMITED", "Okta rate limit reached; retry later"};
      default -> new String[] {"UNKNOWN_ERROR", "The action failed unexpectedly"};
    };
  }

  private void workflowAudit(User by, Instant when, String type, Workflow w, String verb) {
    ObjectNode properties = Json.object();
    properties.put("idWorkflow", w.id());
    properties.put("workflowName", w.name());
    properties.put("isActive", w.isActive());
    String message =
        "User "
            + by.fullName()
            + " ("
            + by.email()
            + "), "
            + verb
            + " workflow "
            + w.id()
            + ", at "
            + Json.time(when);
    state.workflowAudit.add(
        new WorkflowAuditEntry(
            by.id(),
            by.firstName(),
            by.lastName(),
            by.email(),
            when,
            type,
            properties.toString(),
            message));
  }

  // ---------------------------------------------------------------- files

  private void files() {
    String csv =
        "Date,Description,Amount,Currency\n2026-02-03,DROPBOX*BUSINESS,4050.00,USD\n"
            + "2026-02-07,WETRANSFER PRO,99.00,EUR\n2026-02-11,ZOOM.US,1499.90,USD\n";
    state.files.put(
        state.nextFileId,
        new StoredFile(
            state.nextFileId,
            "expenseReport",
            "expenses-2026-02.csv",
            "text/csv",
            asOf.minus(Duration.ofDays(20)),
            MARCUS_ID,
            csv.getBytes(StandardCharsets.UTF_8)));
    state.nextFileId++;
    String order = "Dropbox Business Advanced order form (demo document, sandbox data)\n";
    state.files.put(
        state.nextFileId,
        new StoredFile(
            state.nextFileId,
            "attachment",
            "dropbox-order-form-2025.txt",
            "text/plain",
            asOf.minus(Duration.ofDays(245)),
            MARCUS_ID,
            order.getBytes(StandardCharsets.UTF_8)));
    state.nextFileId++;
  }

  // ---------------------------------------------------------------- helpers

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String ascii(String text) {
    String normalized = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
    return normalized
        .replaceAll("\\p{M}", "")
        .replace("ü", "u")
        .toLowerCase()
        .replaceAll("[^a-z.]", "");
  }
}
