package io.meetzy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SortedStringSetTest {

    private final SortedStringSet scopes = SortedStringSet.copyOf(List.of("tokens:write", "assistants:read", "tokens:read"));

    @Test
    void copyOfSortsAndDropsDuplicates() {
        SortedStringSet set = SortedStringSet.copyOf(List.of("b", "a", "b", "c"));

        assertThat(set).containsExactly("a", "b", "c");
        assertThat(set).hasSize(3);
        assertThat(set.toString()).isEqualTo("[a, b, c]");
    }

    @Test
    void copyOfSortedSetReturnsSameInstance() {
        assertThat(SortedStringSet.copyOf(scopes)).isSameAs(scopes);
    }

    @Test
    void copyOfRejectsNullElement() {
        assertThatThrownBy(() -> SortedStringSet.copyOf(Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void copyOfMutableSetIsIndependent() {
        TreeSet<String> source = new TreeSet<>(List.of("a", "b"));
        SortedStringSet copy = SortedStringSet.copyOf(source);

        source.add("c");

        assertThat(copy).containsExactly("a", "b");
    }

    @Test
    void containsFindsOnlyMembers() {
        assertThat(scopes.contains("tokens:read")).isTrue();
        assertThat(scopes.contains("tokens:delete")).isFalse();
        assertThat(scopes.contains(42)).isFalse();
        assertThat(scopes.contains(null)).isFalse();
    }

    @Test
    void equalsOtherSetsWithSameElements() {
        Set<String> same = Set.of("assistants:read", "tokens:read", "tokens:write");

        assertThat(scopes).isEqualTo(same);
        assertThat(same).isEqualTo(scopes);
        assertThat(scopes.hashCode()).isEqualTo(same.hashCode());
    }

    @Test
    void rangesFollowSortedSetContract() {
        assertThat(scopes.first()).isEqualTo("assistants:read");
        assertThat(scopes.last()).isEqualTo("tokens:write");
        assertThat(scopes.comparator()).isNull();
        assertThat(scopes.headSet("tokens:read")).containsExactly("assistants:read");
        assertThat(scopes.tailSet("tokens:read")).containsExactly("tokens:read", "tokens:write");
        assertThat(scopes.subSet("b", "tokens:write")).containsExactly("tokens:read");
        assertThat(scopes.subSet("tokens:read", "tokens:read")).isEmpty();
    }

    @Test
    void invalidRangesRejected() {
        SortedStringSet empty = SortedStringSet.copyOf(List.of());

        assertThatThrownBy(() -> scopes.subSet("z", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromElement 'z' is after toElement 'a'.");
        assertThatThrownBy(empty::first).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(empty::last).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> scopes.headSet(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void iteratorEndsAndCannotRemove() {
        Iterator<String> iterator = SortedStringSet.copyOf(List.of("a")).iterator();

        assertThat(iterator.next()).isEqualTo("a");
        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyMutatorRejected() {
        Map<String, Executable> mutators = Map.of(
                "add", () -> scopes.add("x"),
                "remove", () -> scopes.remove("tokens:read"),
                "addAll", () -> scopes.addAll(List.of("x")),
                "removeAll", () -> scopes.removeAll(List.of("tokens:read")),
                "retainAll", () -> scopes.retainAll(List.of()),
                "removeIf", () -> scopes.removeIf(scope -> true),
                "clear", scopes::clear);

        mutators.forEach((name, mutator) -> assertThatThrownBy(mutator::execute).as(name)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("The set is immutable."));
        assertThat(scopes).as("unchanged after every attempt").hasSize(3);
    }
}
