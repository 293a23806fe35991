package dev.imapmock.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds {@code @ImapServer} declarations, direct or meta, and the registered extension fields. */
final class Declarations {

    /** One {@code @ImapServer} found on an element; {@code via} is the annotation that carried it. */
    record Found(ImapServer annotation, String via, String origin) {
    }

    private Declarations() {
    }

    /**
     * The {@code @ImapServer} on a class (including one inherited from a superclass) or method,
     * directly or through meta-annotations.
     *
     * @throws ExtensionConfigurationException when more than one is present
     */
    static Optional<Found> find(AnnotatedElement element) {
        List<Found> found = new ArrayList<>();
        String where = describe(element);
        for (Annotation a : element.getAnnotations()) {
            if (a instanceof ImapServer) {
                found.add(new Found((ImapServer) a, "@ImapServer", "@ImapServer on " + where));
            } else {
                collectMeta(a.annotationType(), a.annotationType(), new HashSet<>(), found, where);
            }
        }
        if (found.size() > 1) {
            throw new ExtensionConfigurationException("Conflicting @ImapServer annotations on " + where + ": "
                    + found.stream().map(Found::via).collect(Collectors.joining(" and ")) + "; keep only one");
        }
        return found.stream().findFirst();
    }

    private static void collectMeta(Class<? extends Annotation> carrier, Class<? extends Annotation> type,
                                    Set<Class<?>> seen, List<Found> found, String where) {
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation.")) {
            return;
        }
        ImapServer direct = type.getAnnotation(ImapServer.class);
        if (direct != null) {
            String via = "@" + carrier.getSimpleName();
            found.add(new Found(direct, via, via + " (meta-annotated with @ImapServer) on " + where));
            return;
        }
        for (Annotation a : type.getAnnotations()) {
            collectMeta(carrier, a.annotationType(), seen, found, where);
        }
    }

    /** The {@code @RegisterExtension} fields of type {@link ImapServerExtension} declared in a class or its superclasses. */
    static List<Field> extensionFields(Class<?> testClass) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(RegisterExtension.class) && ImapServerExtension.class.isAssignableFrom(f.getType())) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    static String describe(AnnotatedElement element) {
        if (element instanceof Class) {
            return className((Class<?>) element);
        }
        if (element instanceof Method) {
            Method m = (Method) element;
            return className(m.getDeclaringClass()) + "." + m.getName() + "()";
        }
        return String.valueOf(element);
    }

    static String describe(Field field) {
        return className(field.getDeclaringClass()) + "." + field.getName();
    }

    /** The class name without its package, nested classes joined with dots: {@code OuterTest.Inner}. */
    static String className(Class<?> c) {
        String name = c.getName();
        String pkg = c.getPackageName();
        return (pkg.isEmpty() ? name : name.substring(pkg.length() + 1)).replace('$', '.');
    }
}
