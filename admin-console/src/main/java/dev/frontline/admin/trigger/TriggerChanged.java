package dev.frontline.admin.trigger;

/**
 * A trigger was changed, disabled or deleted after the scheduler read it; it claims
 * nothing more for it until it reads it again.
 */
class TriggerChanged extends RuntimeException {

	TriggerChanged(String id) {
		super("Timer trigger " + id + " changed since it was read");
	}

}
