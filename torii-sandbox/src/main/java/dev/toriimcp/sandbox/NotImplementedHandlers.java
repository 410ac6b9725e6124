package dev.toriimcp.sandbox;

/** Documented Torii operations the sandbox does not simulate: they answer 501. */
final class NotImplementedHandlers {
  private static final String[][] ROUTES = {
    {"POST", "/apps/fields", "postAppsFields"},
    {"PUT", "/apps/fields/{idField}", "putAppsFieldsIdfield"},
    {"DELETE", "/apps/fields/{idField}", "deleteAppsFieldsIdfield"},
    {"PUT", "/parsings/automatic", "putParsingsAutomatic"},
    {"PUT", "/parsings/manual", "putParsingsManual"},
    {"GET", "/parsings/{id}", "getParsingsId"},
    {"PUT", "/services/sync/custom", "putServicesSyncCustom"},
    {"PUT", "/services/sync/gluu", "putServicesSyncGluu"},
    {"POST", "/plugins", "postPlugins"},
    {"PUT", "/plugins/{uuidPlugin}", "putPluginsUuidplugin"},
    {"DELETE", "/plugins/{uuidPlugin}", "deletePluginsUuidplugin"},
    {"POST", "/plugins/{uuidPlugin}/apikey", "postPluginsUuidpluginApikey"},
    {"GET", "/plugins/{idPlugin}/fields", "getPluginsIdpluginFields"},
    {"POST", "/anonymizeRequest", "postAnonymizerequest"},
    {
      "POST",
      "/appCatalog/triggerAppAccessRequestPolicy",
      "postAppcatalogTriggerappaccessrequestpolicy"
    },
    {"GET", "/transactions", "getTransactions"},
    {"GET", "/transactions/metadata", "getTransactionsMetadata"},
    {"PUT", "/transactions/{idTransaction}", "putTransactionsIdtransaction"},
    {"GET", "/scim/v2/ServiceProviderConfig", "getScimV2Serviceproviderconfig"},
    {"GET", "/scim/v2/ResourceTypes", "getScimV2Resourcetypes"},
    {"GET", "/scim/v2/Schemas", "getScimV2Schemas"},
    {"GET", "/scim/v2/Users", "getScimV2Users"},
    {"POST", "/scim/v2/Users", "postScimV2Users"},
    {"GET", "/scim/v2/Users/{idUser}", "getScimV2UsersIduser"},
    {"PUT", "/scim/v2/Users/{idUser}", "putScimV2UsersIduser"},
    {"PATCH", "/scim/v2/Users/{idUser}", "patchScimV2UsersIduser"},
    {"DELETE", "/scim/v2/Users/{idUser}", "deleteScimV2UsersIduser"},
  };

  private NotImplementedHandlers() {}

  static void register(Router router) {
    for (String[] route : ROUTES) {
      String operationId = route[2];
      router.add(
          route[0],
          route[1],
          operationId,
          request ->
              ApiResponse.error(501, operationId + " is not implemented by the Torii sandbox"));
    }
  }
}
