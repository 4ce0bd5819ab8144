package se.medborgarloften.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that reads fine but is never accepted (a control character, a Mongo operator as a key): answered 400
 * with this message, on the field Jackson's path names.
 */
public class RefusedInputException extends MismatchedInputException {

    public RefusedInputException(JsonParser parser, String message) {
        super(parser, message);
    }
}
