/// Places of the region ilson serves. Filled in by the generator work.
public enum Places {}
