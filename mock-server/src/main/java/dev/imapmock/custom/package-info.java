/**
 * Commands a test adds to one server, or standard ones it replaces: an experimental {@code X}
 * command of RFC 3501 §6.5.1 such as {@code XPIG-LATIN}, a provider's own such as
 * {@code XAPPLEPUSHSERVICE}, or a NOOP that answers what a test needs. Registered with
 * {@code server.commands().register("XPIG-LATIN", States.AUTHENTICATED, handler)}; see
 * docs/custom-commands.md.
 */
package dev.imapmock.custom;
