package dev.toriimcp.sandbox;

import dev.toriimcp.sandbox.FieldDef.Kind;
import dev.toriimcp.sandbox.FieldDef.Option;
import java.util.ArrayList;
import java.util.List;

/** The field definitions of users, apps and contracts (predefined and custom). */
final class Fields {
  private Fields() {}

  static final List<String> APP_STATES =
      List.of("discovered", "managed", "unmanaged", "closed", "ignored");
  static final List<String> CONTRACT_STATUSES =
      List.of("active", "expired", "inactive", "inReview", "pipeline", "terminated");
  static final List<String> LIFECYCLE_STATUSES = List.of("active", "offboarding", "offboarded");

  static List<FieldDef> userFields() {
    List<FieldDef> defs = new ArrayList<>();
    int id = 1301;
    defs.add(ro(id++, "id", "ID", "number"));
    defs.add(ro(id++, "idOrg", "Organization ID", "number"));
    defs.add(ro(id++, "firstName", "First name", "singleLine"));
    defs.add(ro(id++, "lastName", "Last name", "singleLine"));
    defs.add(ro(id++, "email", "Email", "email"));
    defs.add(def(id++, "creationTime", "Creation time", "datePicker", Kind.DATETIME, false));
    defs.add(ro(id++, "idRole", "Role ID", "number"));
    defs.add(ro(id++, "role", "Torii role", "singleLine"));
    defs.add(
        dropdown(id++, "lifecycleStatus", "Lifecycle status", false, LIFECYCLE_STATUSES, false));
    defs.add(
        def(
            id++,
            "isDeletedInIdentitySources",
            "Deleted in identity sources",
            "bool",
            Kind.BOOL,
            false));
    defs.add(def(id++, "isExternal", "External user", "bool", Kind.BOOL, false));
    defs.add(ro(id++, "activeAppsCount", "Active apps", "number"));
    defs.add(ro(id++, "additionalEmails", "Additional emails", "multiValueString"));
    defs.add(custom(id++, "department", "Department", "singleLine", Kind.TEXT));
    defs.add(custom(id++, "jobTitle", "Job title", "singleLine", Kind.TEXT));
    defs.add(custom(id++, "location", "Location", "singleLine", Kind.TEXT));
    defs.add(custom(id++, "employeeId", "Employee ID", "singleLine", Kind.TEXT));
    defs.add(custom(id++, "startDate", "Start date", "datePicker", Kind.DATE));
    defs.add(custom(id++, "managerEmail", "Manager email", "email", Kind.TEXT));
    return defs;
  }

  static List<FieldDef> appFields() {
    List<FieldDef> defs = new ArrayList<>();
    int id = 1101;
    defs.add(ro(id++, "id", "ID", "number"));
    defs.add(def(id++, "name", "Name", "singleLine", Kind.TEXT, true));
    defs.add(dropdown(id++, "state", "State", true, APP_STATES, false));
    defs.add(def(id++, "category", "Category", "singleLine", Kind.TEXT, true));
    defs.add(def(id++, "url", "URL", "singleLine", Kind.TEXT, true));
    defs.add(ro(id++, "imageUrl", "Logo URL", "singleLine"));
    defs.add(def(id++, "description", "Description", "multiLine", Kind.TEXT, true));
    defs.add(def(id++, "tags", "Tags", "singleLine", Kind.TEXT, true));
    defs.add(def(id++, "isHidden", "Hidden", "bool", Kind.BOOL, true));
    defs.add(def(id++, "primaryOwner", "Primary app owner", "usersDropdown", Kind.USER, true));
    defs.add(def(id++, "appOwners", "App owners", "usersDropdownMulti", Kind.USER_MULTI, true));
    defs.add(ro(id++, "score", "Risk score", "number"));
    defs.add(def(id++, "isCustom", "Custom app", "bool", Kind.BOOL, false));
    defs.add(def(id++, "addedBy", "Added by", "usersDropdown", Kind.USER, false));
    defs.add(def(id++, "creationTime", "Creation time", "datePicker", Kind.DATETIME, false));
    defs.add(ro(id++, "sources", "Sources", "multiValueString"));
    defs.add(ro(id++, "vendor", "Vendor", "singleLine"));
    defs.add(ro(id++, "activeUsersCount", "Active users", "number"));
    defs.add(def(id++, "lastVisitTime", "Last visit", "datePicker", Kind.DATETIME, false));
    defs.add(
        def(
            id++,
            "activeContractsTotalValue",
            "Active contracts value",
            "currency",
            Kind.MONEY,
            false));
    defs.add(
        customDropdown(
            id++,
            "c_businessCriticality",
            "Business criticality",
            List.of("Low", "Medium", "High", "Critical")));
    defs.add(
        customDropdown(
            id++,
            "c_dataClassification",
            "Data classification",
            List.of("Public", "Internal", "Confidential", "Restricted")));
    defs.add(customDropdown(id++, "c_ssoEnabled", "SSO enabled", List.of("Yes", "No")));
    defs.add(
        customDropdown(
            id++,
            "c_costCenter",
            "Cost center",
            List.of("R&D", "Sales", "Marketing", "G&A", "IT")));
    defs.add(custom(id++, "c_securityReviewDate", "Security review date", "datePicker", Kind.DATE));
    return defs;
  }

  static List<FieldDef> contractFields() {
    List<FieldDef> defs = new ArrayList<>();
    int id = 1201;
    defs.add(ro(id++, "id", "ID", "number"));
    defs.add(required(id++, "name", "Contract name", "singleLine", Kind.TEXT));
    defs.add(required(id++, "idApp", "Application", "dropdown", Kind.APP));
    defs.add(dropdown(id++, "status", "Status", true, CONTRACT_STATUSES, true));
    defs.add(def(id++, "owner", "Contract owner", "usersDropdown", Kind.USER, true));
    defs.add(def(id++, "createdBy", "Created by", "usersDropdown", Kind.USER, false));
    defs.add(def(id++, "creationTime", "Creation time", "datePicker", Kind.DATETIME, false));
    defs.add(ro(id++, "source", "Source", "singleLine"));
    defs.add(def(id++, "amount", "Contract value", "currency", Kind.MONEY, true));
    defs.add(ro(id++, "currency", "Currency", "singleLine"));
    defs.add(def(id++, "startDate", "Start date", "datePicker", Kind.DATE, true));
    defs.add(def(id++, "endDate", "End date", "datePicker", Kind.DATE, true));
    defs.add(def(id++, "renewalDate", "Renewal date", "datePicker", Kind.DATE, true));
    defs.add(
        def(id++, "cancellationDeadline", "Cancellation deadline", "datePicker", Kind.DATE, true));
    defs.add(dropdown(id++, "autoRenewal", "Auto renewal", true, List.of("Yes", "No"), false));
    defs.add(
        dropdown(
            id++,
            "paymentTerm",
            "Payment term",
            true,
            List.of("Monthly", "Quarterly", "Annual", "Multi-year"),
            false));
    defs.add(def(id++, "licenseCount", "Number of licenses", "number", Kind.NUMBER, true));
    defs.add(def(id++, "notes", "Notes", "multiLine", Kind.TEXT, true));
    defs.add(customDropdown(id++, "c_legalReviewed", "Legal reviewed", List.of("Yes", "No")));
    defs.add(custom(id++, "c_procurementTicket", "Procurement ticket", "singleLine", Kind.TEXT));
    defs.add(
        customDropdown(
            id++,
            "c_costCenter",
            "Cost center",
            List.of("R&D", "Sales", "Marketing", "G&A", "IT")));
    return defs;
  }

  private static FieldDef ro(int id, String key, String name, String type) {
    return new FieldDef(id, key, name, type, Kind.READ_ONLY, List.of(), false, false, false);
  }

  private static FieldDef def(
      int id, String key, String name, String type, Kind kind, boolean writable) {
    return new FieldDef(id, key, name, type, kind, List.of(), false, writable, false);
  }

  private static FieldDef required(int id, String key, String name, String type, Kind kind) {
    return new FieldDef(id, key, name, type, kind, List.of(), false, true, true);
  }

  private static FieldDef dropdown(
      int id, String key, String name, boolean writable, List<String> values, boolean required) {
    return new FieldDef(
        id, key, name, "dropdown", Kind.DROPDOWN, options(values), false, writable, required);
  }

  private static FieldDef custom(int id, String key, String name, String type, Kind kind) {
    return new FieldDef(id, key, name, type, kind, List.of(), true, true, false);
  }

  private static FieldDef customDropdown(int id, String key, String name, List<String> values) {
    return new FieldDef(
        id, key, name, "dropdown", Kind.DROPDOWN, options(values), true, true, false);
  }

  private static List<Option> options(List<String> values) {
    return values.stream().map(v -> new Option(v, label(v))).toList();
  }

  private static String label(String value) {
    if (Character.isUpperCase(value.charAt(0))) {
      return value;
    }
    String spaced = value.replaceAll("([a-z])([A-Z])", "$1 $2");
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1).toLowerCase();
  }
}
