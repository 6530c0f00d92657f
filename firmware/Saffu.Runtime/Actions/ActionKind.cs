namespace Saffu.Runtime.Actions
{
    /// <summary>What an intent does to its target lights (docs/action-map.md, intentAction). Values are the blob's.</summary>
    public enum ActionKind
    {
        None = 0,
        On = 1,
        Off = 2,
        Toggle = 3,
        Set = 4,
    }
}
