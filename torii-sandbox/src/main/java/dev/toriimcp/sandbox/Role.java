package dev.toriimcp.sandbox;

/**
 * A Torii (admin console) role.
 *
 * @param id role id
 * @param systemKey stable key, e.g. {@code admin}
 * @param name display name
 * @param description what the role may do
 * @param isAdmin whether the role has full admin rights
 */
public record Role(int id, String systemKey, String name, String description, boolean isAdmin) {}
