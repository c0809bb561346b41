package dev.frontline.functions.async;

/**
 * How an attempt failed, as the problem a synchronous call would have answered with. The
 * {@code lastError} of an invocation.
 *
 * @param type the problem type, such as {@code urn:frontline:problem:backend-unavailable}
 * @param title its short summary
 * @param status the HTTP status a synchronous call would have answered
 * @param detail what happened; an unexpected failure tells nothing of its cause, which is
 * logged
 * @param attempt the attempt that failed, from 1
 */
record AttemptError(String type, String title, int status, String detail, int attempt) {

}
