package dev.frontline.admin.release;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A weight an operator sets on a manual release.
 *
 * @param weight the canary's share in percent, 0 to 100
 */
record NewWeight(@NotNull @Min(0) @Max(100) Integer weight) {

}
