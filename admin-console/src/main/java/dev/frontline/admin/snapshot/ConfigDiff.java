package dev.frontline.admin.snapshot;

import java.util.List;
import java.util.Locale;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.frontline.contract.ConfigJson;

/**
 * A line diff of two config documents, each pretty-printed in the canonical JSON form
 * that snapshot hashes are computed from, so that equal content gives equal lines and
 * only changes show.
 *
 * @param from what the diff starts from, such as {@code version 3}
 * @param to what it ends at
 * @param lines the unified diff, with a few lines of context around each change; empty
 * when both are equal
 * @param added how many lines only {@code to} has
 * @param removed how many lines only {@code from} has
 */
record ConfigDiff(String from, String to, List<Line> lines, int added, int removed) {

	private static final int CONTEXT = 3;

	/**
	 * The diff between two documents.
	 * @param from names the first document
	 * @param before the first document
	 * @param to names the second document
	 * @param after the second document
	 */
	static ConfigDiff of(String from, Object before, String to, Object after) {
		List<String> original = lines(before);
		List<String> revised = lines(after);
		Patch<String> patch = DiffUtils.diff(original, revised);
		if (patch.getDeltas().isEmpty()) {
			return new ConfigDiff(from, to, List.of(), 0, 0);
		}
		List<Line> lines = UnifiedDiffUtils.generateUnifiedDiff(from, to, original, patch, CONTEXT)
			.stream()
			.map(Line::of)
			.toList();
		int added = (int) lines.stream().filter((line) -> line.kind() == Kind.ADDED).count();
		int removed = (int) lines.stream().filter((line) -> line.kind() == Kind.REMOVED).count();
		return new ConfigDiff(from, to, lines, added, removed);
	}

	private static List<String> lines(Object document) {
		return ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document).lines().toList();
	}

	/**
	 * One line of a unified diff.
	 *
	 * @param kind what the line is
	 * @param text the line as the unified diff prints it
	 */
	record Line(Kind kind, String text) {

		static Line of(String text) {
			Kind kind;
			if (text.startsWith("---") || text.startsWith("+++")) {
				kind = Kind.FILE;
			}
			else if (text.startsWith("@@")) {
				kind = Kind.HUNK;
			}
			else if (text.startsWith("+")) {
				kind = Kind.ADDED;
			}
			else if (text.startsWith("-")) {
				kind = Kind.REMOVED;
			}
			else {
				kind = Kind.CONTEXT;
			}
			return new Line(kind, text);
		}

		/**
		 * The line's CSS class.
		 */
		public String css() {
			return "diff-" + this.kind.name().toLowerCase(Locale.ROOT);
		}

	}

	/** What a line of a unified diff is. */
	enum Kind {

		/** Names a document. */
		FILE,

		/** Starts a change, with its line numbers. */
		HUNK,

		/** Only in the second document. */
		ADDED,

		/** Only in the first document. */
		REMOVED,

		/** In both, around a change. */
		CONTEXT

	}

}
