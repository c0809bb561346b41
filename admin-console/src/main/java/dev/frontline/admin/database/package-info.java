/**
 * The console's database: waiting for it at startup, so that a console started before its
 * PostgreSQL server comes up once the server does.
 */
@NullMarked
package dev.frontline.admin.database;

import org.jspecify.annotations.NullMarked;
