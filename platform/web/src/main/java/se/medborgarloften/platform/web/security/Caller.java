package se.medborgarloften.platform.web.security;

import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling: the token's subject, its roles and the municipalities it may act for. Controllers take it as a
 * parameter and ask it before they touch one municipality's data.
 */
public record Caller(String subject, Set<String> roles, Set<String> municipalities) {

    public Caller {
        roles = Set.copyOf(roles);
        municipalities = Set.copyOf(municipalities);
    }

    private static boolean isMunicipalityCode(String code) {
        return code != null && code.length() == 4 && code.chars().allMatch(Character::isDigit);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean actsFor(String municipalityCode) {
        return municipalityCode != null && municipalities.contains(municipalityCode);
    }

    /**
     * For a write naming its municipality in the request: 403 when the token does not cover it. A request without a
     * well-formed code (four digits, SCB) is not a question of access: its validation refuses it (400) and names the
     * field, which tells the caller more.
     */
    public void requireActsFor(String municipalityCode) {
        if (isMunicipalityCode(municipalityCode) && !actsFor(municipalityCode)) {
            throw new AccessDeniedException("This token does not act for municipality " + municipalityCode);
        }
    }

    /**
     * For anything addressed by id: another municipality's data answers exactly as if it did not exist (404), so that
     * its existence does not leak: the detail must be the one a missing id gets.
     */
    public void requireSees(String municipalityCode, String notFoundDetail) {
        if (!actsFor(municipalityCode)) {
            throw new NoSuchElementException(notFoundDetail);
        }
    }

    /**
     * The municipalities a list may show: the one asked for (403 when not covered), or every one the token covers.
     */
    public Collection<String> visibleMunicipalities(Optional<String> asked) {
        if (asked.isPresent()) {
            requireActsFor(asked.get());
            return List.of(asked.get());
        }
        return municipalities;
    }
}
