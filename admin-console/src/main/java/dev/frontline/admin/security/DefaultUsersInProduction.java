package dev.frontline.admin.security;

/**
 * The console was started under the {@code prod} profile with the local users, or with a
 * user whose password anyone could guess.
 */
class DefaultUsersInProduction extends IllegalStateException {

	DefaultUsersInProduction(String reason) {
		super("Refusing to start under the 'prod' profile: " + reason);
	}

}
