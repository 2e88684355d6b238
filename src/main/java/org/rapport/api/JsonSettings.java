package org.rapport.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.github.benmanes.caffeine.cache.Interner;
import io.quarkus.jackson.ObjectMapperCustomizer;
import java.io.IOException;
import jakarta.inject.Singleton;

/**
 * Strict JSON: a number with a fraction is not a whole number, and nothing may follow the body.
 * Short strings are shared: events repeat the same few (organisation ids, people, goal and
 * measure ids).
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.registerModule(sharedStrings());
    }

    /** The message of a string refused for holding U+0000, which PostgreSQL's text and jsonb cannot store. */
    public static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";

    /**
     * Strings of up to 64 characters, each kept once (a weak interner lets go of those no longer
     * held); a string holding U+0000 is refused where it is read, with its field named.
     */
    static SimpleModule sharedStrings() {
        var interner = Interner.<String>newWeakInterner();
        var module = new SimpleModule("strings");
        module.addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
                var text = StringDeserializer.instance.deserialize(p, context);
                if (text != null && text.indexOf('\0') >= 0) {
                    throw context.weirdStringException(text, String.class, NUL_REFUSED);
                }
                return text == null || text.length() > 64 ? text : interner.intern(text);
            }
        });
        return module;
    }
}
