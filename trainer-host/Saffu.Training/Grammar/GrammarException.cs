namespace Saffu.Training.Grammar;

/// <summary>What was wrong with a grammar or sentence list (docs/grammar.md §2).</summary>
public enum GrammarError
{
    /// <summary>The file is missing or unreadable.</summary>
    Unreadable,
    /// <summary>Unbalanced brackets, an unknown directive, a malformed `@list` or `@color` line.</summary>
    Syntax,
    /// <summary>A `{list}` that is neither built in nor defined.</summary>
    UnknownList,
    /// <summary>An `@list` or `@color` defined twice.</summary>
    DuplicateList,
    /// <summary>An `@list` that uses itself.</summary>
    RecursiveList,
    /// <summary>An `@intent` that is not one of the five labels.</summary>
    UnknownIntent,
    /// <summary>A template before any `@intent` line.</summary>
    TemplateOutsideIntent,
    /// <summary>A slot the template's intent does not take, or a slot list inside a slot-carrying list.</summary>
    SlotNotAllowed,
    /// <summary>A path through a template that fills one slot twice.</summary>
    DuplicateSlot,
    /// <summary>A light intent without templates.</summary>
    MissingIntent,
    /// <summary>A generated `HassLightSet` sentence without brightness, step or colour, or with brightness and step.</summary>
    MissingSlot,
    /// <summary>Words next to a slot changed the slot's tokens (a number word glued to a brightness).</summary>
    TokensMerge,
    /// <summary>A sentence-list line without any word.</summary>
    EmptySentence,
    /// <summary>A sentence-list line that repeats an earlier one (same tokens).</summary>
    DuplicateSentence,
}

/// <summary>A grammar or sentence-list problem: file, 1-based line and column (0 = whole file), found, expected.</summary>
public sealed class GrammarException : InputFileException
{
    public GrammarException(GrammarError error, string path, int line, int column, string found, string expected, Exception? inner = null)
        : base(path, line, column, found, expected, inner)
    {
        Error = error;
    }

    public GrammarError Error { get; }
}
