package dev.frontline.admin.security;

/**
 * The console was started under the {@code prod} profile with the well-known default
 * control-plane token, which would let anyone act as a gateway.
 */
class DefaultTokenInProduction extends IllegalStateException {

	DefaultTokenInProduction() {
		super("Refusing to start: frontline.control-plane.token is the local default '"
				+ ControlPlaneProperties.DEFAULT_TOKEN + "' under the 'prod' profile");
	}

}
