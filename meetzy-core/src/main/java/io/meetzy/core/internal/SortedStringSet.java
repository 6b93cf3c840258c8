package io.meetzy.core.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable set of strings in natural order, backed by a sorted array. Every mutator throws
 * {@link UnsupportedOperationException}, even when the call would change nothing.
 *
 * <p>{@link #copyOf} returns its argument when that is already a {@code SortedStringSet}, so token
 * metadata and the principal built from it on every verification share one instance instead of
 * each copying the scopes into a new {@link TreeSet}. Not part of the public API.
 */
public final class SortedStringSet extends AbstractSet<String> implements SortedSet<String> {

    private final String[] elements;

    private SortedStringSet(String[] sortedDistinctElements) {
        this.elements = sortedDistinctElements;
    }

    /**
     * Returns the strings as an immutable set in natural order, without duplicates. Returns
     * {@code strings} itself when it is already a {@code SortedStringSet}.
     *
     * @throws NullPointerException if {@code strings} or one of its elements is null
     */
    public static SortedStringSet copyOf(Collection<String> strings) {
        Objects.requireNonNull(strings, "strings");
        if (strings instanceof SortedStringSet set) {
            return set;
        }

        // TreeSet sorts in natural order, drops duplicates and rejects null elements.
        TreeSet<String> sorted = new TreeSet<>(strings);
        return new SortedStringSet(sorted.toArray(new String[0]));
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean contains(Object element) {
        return element instanceof String string && Arrays.binarySearch(elements, string) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elements.length;
            }

            @Override
            public String next() {
                if (next >= elements.length) {
                    throw new NoSuchElementException();
                }
                return elements[next++];
            }
        };
    }

    /** Returns null: the order is the natural order of strings. */
    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public String first() {
        if (elements.length == 0) {
            throw new NoSuchElementException("The set is empty.");
        }
        return elements[0];
    }

    @Override
    public String last() {
        if (elements.length == 0) {
            throw new NoSuchElementException("The set is empty.");
        }
        return elements[elements.length - 1];
    }

    /** Returns the elements from {@code fromElement} (inclusive) to {@code toElement} (exclusive), as a copy. */
    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        if (fromElement.compareTo(toElement) > 0) {
            throw new IllegalArgumentException("fromElement '" + fromElement + "' is after toElement '" + toElement + "'.");
        }
        return range(indexOfFirstNotBefore(fromElement), indexOfFirstNotBefore(toElement));
    }

    /** Returns the elements before {@code toElement}, as a copy. */
    @Override
    public SortedSet<String> headSet(String toElement) {
        return range(0, indexOfFirstNotBefore(toElement));
    }

    /** Returns the elements from {@code fromElement} on, as a copy. */
    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return range(indexOfFirstNotBefore(fromElement), elements.length);
    }

    @Override
    public boolean add(String element) {
        throw unsupported();
    }

    @Override
    public boolean remove(Object element) {
        throw unsupported();
    }

    @Override
    public boolean addAll(Collection<? extends String> strings) {
        throw unsupported();
    }

    @Override
    public boolean removeAll(Collection<?> strings) {
        throw unsupported();
    }

    @Override
    public boolean retainAll(Collection<?> strings) {
        throw unsupported();
    }

    @Override
    public boolean removeIf(Predicate<? super String> filter) {
        throw unsupported();
    }

    @Override
    public void clear() {
        throw unsupported();
    }

    private SortedStringSet range(int fromIndex, int toIndex) {
        return new SortedStringSet(Arrays.copyOfRange(elements, fromIndex, toIndex));
    }

    /** Returns the index of the first element not less than {@code bound}, or the size if there is none. */
    private int indexOfFirstNotBefore(String bound) {
        int index = Arrays.binarySearch(elements, Objects.requireNonNull(bound, "bound"));
        // binarySearch returns (-insertionPoint - 1) for an absent element.
        return index >= 0 ? index : -index - 1;
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("The set is immutable.");
    }
}
