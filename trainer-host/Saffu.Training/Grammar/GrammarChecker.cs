namespace Saffu.Training.Grammar;

/// <summary>Load-time checks of lists and templates: known lists, no recursion, allowed slots, no slot twice on a path.</summary>
sealed class GrammarChecker(CommandGrammar grammar, GrammarReader reader)
{
    public void CheckList(GrammarList list)
    {
        CheckReferences(list.Root, list.Line, [list.Id]);
        if (list.Slot is not null && SlotCounts(list.Root).Count > 0)
            throw reader.Error(GrammarError.SlotNotAllowed, list.Line, 0, $"a slot list inside the slot-carrying list \"{list.Id}\"",
                "plain words and plain lists");
    }

    /// <summary>Checks a template and returns the slots some path through it fills, in <see cref="LightSlots.All"/> order.</summary>
    public IReadOnlyList<string> CheckTemplate(string intent, TemplateNode root, int line, int column)
    {
        CheckReferences(root, line, []);
        var counts = SlotCounts(root);
        foreach (var (slot, count) in counts)
        {
            if (count > 1)
                throw reader.Error(GrammarError.DuplicateSlot, line, column, $"a path that fills \"{slot}\" {count} times", "each slot at most once");
            if (!LightSlots.AllowedFor(intent).Contains(slot))
                throw reader.Error(GrammarError.SlotNotAllowed, line, column, $"the slot \"{slot}\" under {intent}",
                    $"only {string.Join(", ", LightSlots.AllowedFor(intent))}");
        }
        if (intent == LightIntents.LightSet)
            foreach (int set in SlotSets(root))
                if (!IsLightSet(set))
                    throw reader.Error(GrammarError.MissingSlot, line, column,
                        $"a path with {(set == 0 ? "no slots" : string.Join(", ", LightSlots.All.Where((_, i) => (set & (1 << i)) != 0)))}",
                        "brightness, step or color on every path (brightness and step not together)");
        return LightSlots.All.Where(counts.ContainsKey).ToList();
    }

    static int Bit(string slot) => 1 << LightSlots.All.ToList().IndexOf(slot);

    static bool IsLightSet(int set)
    {
        bool brightness = (set & Bit(LightSlots.Brightness)) != 0, step = (set & Bit(LightSlots.Step)) != 0;
        return (brightness || step || (set & Bit(LightSlots.Color)) != 0) && !(brightness && step);
    }

    /// <summary>The sets of slots (bit masks in <see cref="LightSlots.All"/> order) that the paths through a node fill.</summary>
    HashSet<int> SlotSets(TemplateNode node) => node switch
    {
        SequenceNode s => s.Items.Aggregate(new HashSet<int> { 0 },
            (sets, item) => SlotSets(item).SelectMany(b => sets.Select(a => a | b)).ToHashSet()),
        ChoiceNode c => c.Alternatives.SelectMany(SlotSets).ToHashSet(),
        ListNode l when CommandGrammar.BuiltInLists.Contains(l.Id) => [Bit(l.Id)],
        ListNode l when grammar.Lists[l.Id].Slot is { } slot => [Bit(slot)],
        ListNode l => SlotSets(grammar.Lists[l.Id].Root),
        _ => [0],
    };

    void CheckReferences(TemplateNode node, int line, IReadOnlyList<string> stack)
    {
        switch (node)
        {
            case SequenceNode s: foreach (var item in s.Items) CheckReferences(item, line, stack); break;
            case ChoiceNode c: foreach (var item in c.Alternatives) CheckReferences(item, line, stack); break;
            case ListNode l when CommandGrammar.BuiltInLists.Contains(l.Id): break;
            case ListNode l:
                if (!grammar.Lists.TryGetValue(l.Id, out GrammarList? list))
                    throw reader.Error(GrammarError.UnknownList, line, l.Column, $"the list {{{l.Id}}}",
                        $"a built-in list ({string.Join(", ", CommandGrammar.BuiltInLists)}) or one defined with @list");
                if (stack.Contains(l.Id))
                    throw reader.Error(GrammarError.RecursiveList, line, l.Column, $"{{{l.Id}}} inside itself ({string.Join(" → ", stack.Append(l.Id))})",
                        "lists that do not use themselves");
                CheckReferences(list.Root, list.Line, [.. stack, l.Id]);
                break;
        }
    }

    /// <summary>For each slot, the most times one path through the node fills it.</summary>
    Dictionary<string, int> SlotCounts(TemplateNode node)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        switch (node)
        {
            case SequenceNode s:
                foreach (var item in s.Items)
                    foreach (var (slot, n) in SlotCounts(item)) result[slot] = result.GetValueOrDefault(slot) + n;
                break;
            case ChoiceNode c:
                foreach (var item in c.Alternatives)
                    foreach (var (slot, n) in SlotCounts(item)) result[slot] = Math.Max(result.GetValueOrDefault(slot), n);
                break;
            case ListNode l when CommandGrammar.BuiltInLists.Contains(l.Id):
                result[l.Id] = 1;
                break;
            case ListNode l:
                GrammarList list = grammar.Lists[l.Id];
                if (list.Slot is not null) result[list.Slot] = 1;
                else foreach (var (slot, n) in SlotCounts(list.Root)) result[slot] = n;
                break;
        }
        return result;
    }
}
