package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code .data/} in the repository: broker data, store file and logs, kept from one start to the next. */
record DataFolder(Path root) {

    Path kafka() {
        return root.resolve("kafka");
    }

    Path mongo() {
        return root.resolve("mongo");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String processName) {
        return logs().resolve(processName + ".log");
    }

    DataFolder create() {
        try {
            Files.createDirectories(kafka());
            Files.createDirectories(mongo());
            Files.createDirectories(logs());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
