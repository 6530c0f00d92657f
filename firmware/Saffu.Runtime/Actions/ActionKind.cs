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
        /// <summary>A question about the targets' state (HassGetState): answered from LightStates, no pins.</summary>
        Query = 5,
        /// <summary>A negation or cancellation (HassNevermind): nothing is done.</summary>
        Cancel = 6,
        /// <summary>A command for another device of the home (other:DOMAIN): "not a light", nothing is done.</summary>
        Other = 7,
    }
}
