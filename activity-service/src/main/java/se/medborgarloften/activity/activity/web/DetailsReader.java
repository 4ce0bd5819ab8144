package se.medborgarloften.activity.activity.web;

import org.springframework.stereotype.Component;
import se.medborgarloften.activity.activity.domain.ActivityDetails;
import se.medborgarloften.contracts.activity.ActivityType;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.platform.web.RefusedInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's {@code details} as the details record of its type, with the API's strict JSON settings: a field
 * the type does not have is refused, so a name cannot slip into a type that holds counts only.
 */
@Component
class DetailsReader {

    private final JsonMapper json;

    DetailsReader(JsonMapper json) {
        this.json = json;
    }

    ActivityDetails read(ActivityType type, JsonNode details) {
        if (details == null || details.isNull() || details.isMissingNode()) {
            throw new InvalidFieldException("details", "is required");
        }
        if (!details.isObject()) {
            throw new InvalidFieldException("details", "must be an object");
        }
        try {
            return json.treeToValue(details, ActivityDetails.classOf(type));
        } catch (UnrecognizedPropertyException unknown) {
            throw new InvalidFieldException(path(unknown), "unknown field for a " + type);
        } catch (RefusedInputException refused) {
            throw new InvalidFieldException(path(refused), refused.getOriginalMessage());
        } catch (DatabindException wrong) {
            throw new InvalidFieldException(path(wrong), "has the wrong type or format");
        } catch (JacksonException unreadable) {
            throw new InvalidFieldException("details", "cannot be read: " + unreadable.getOriginalMessage());
        }
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder("details");
        ex.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}
