package dev.frontline.admin.release;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A release with its latest evaluations, as {@code GET /api/v1/releases/{id}} shows it.
 *
 * @param release the release, whose fields are shown at the top level
 * @param evaluations its latest evaluations, newest first, at most
 * {@value ReleaseController#DETAIL_EVALUATIONS}
 */
record ReleaseDetails(@JsonUnwrapped Release release, List<Evaluation> evaluations) {

}
