//! Name mentions: capitalised runs of words, with any title in front split off.
