package org.rapport.health;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.rapport.domain.health.HealthFacts;

/**
 * The health facts as the partnership row keeps them: JSON of the facts' own fields (the domain
 * knows nothing of it), under the facts' {@link HealthFacts#FORM}. Facts of another form, or that
 * cannot be read, are as good as none: the stream is folded again.
 *
 * <p>Sets are read back in the order written, so facts read back fold and read exactly as the
 * facts written. Immutable values (records, and classes whose every kept field is final: a
 * meeting, an attendee, a dated event) are written as arrays rather than objects: the facts hold
 * hundreds of them, and their field names would be most of the text.
 */
@ApplicationScoped
public class HealthFactsCodec {

    private static final Logger LOG = Logger.getLogger(HealthFactsCodec.class);

    /** What the row holds: the form the facts were written in, and the facts. */
    record Kept(int form, HealthFacts facts) {
    }

    private final ObjectMapper mapper;

    public HealthFactsCodec(ObjectMapper json) {
        this.mapper = json.copy()
                .setAnnotationIntrospector(new ValuesAsArrays())
                .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .registerModule(new SimpleModule("health-facts").addAbstractTypeMapping(Set.class, LinkedHashSet.class));
    }

    /** Immutable values as arrays, in the order of their fields. */
    static final class ValuesAsArrays extends JacksonAnnotationIntrospector {

        @Override
        public JsonFormat.Value findFormat(Annotated annotated) {
            var format = super.findFormat(annotated);
            if (annotated instanceof AnnotatedClass type && immutable(type.getRawType())) {
                return JsonFormat.Value.forShape(JsonFormat.Shape.ARRAY).withOverrides(format);
            }
            return format;
        }

        private static boolean immutable(Class<?> type) {
            if (type.isRecord()) {
                return true;
            }
            if (!type.getName().startsWith("org.rapport.domain.") || type.isEnum()) {
                return false;
            }
            var fields = Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                    .toList();
            return !fields.isEmpty() && fields.stream().allMatch(f -> Modifier.isFinal(f.getModifiers()));
        }
    }

    public String write(HealthFacts facts) {
        try {
            return mapper.writeValueAsString(new Kept(HealthFacts.FORM, facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health facts cannot be written", e);
        }
    }

    /** The facts kept in {@code text}, when there are some of the current form. */
    public Optional<HealthFacts> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            var kept = mapper.readValue(text, Kept.class);
            return kept.form() == HealthFacts.FORM ? Optional.ofNullable(kept.facts()) : Optional.empty();
        } catch (JsonProcessingException e) {
            LOG.debugf(e, "Health facts of another shape are folded again from the stream");
            return Optional.empty();
        }
    }
}
