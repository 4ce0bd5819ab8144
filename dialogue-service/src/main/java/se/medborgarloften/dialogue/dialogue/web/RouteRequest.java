package se.medborgarloften.dialogue.dialogue.web;

import jakarta.validation.constraints.NotNull;
import se.medborgarloften.dialogue.dialogue.domain.Routing;

/** Who is to act on a concern. */
record RouteRequest(@NotNull Routing routing) {}
