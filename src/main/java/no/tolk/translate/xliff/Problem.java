package no.tolk.translate.xliff;

/** One thing wrong with a returned file, in plain words: where (a unit id, or null for the whole file), what, and what to do. */
record Problem(String unitId, String what, String whatToDo) {

    static Problem ofFile(String what, String whatToDo) {
        return new Problem(null, what, whatToDo);
    }

    static Problem ofUnit(String unitId, String what, String whatToDo) {
        return new Problem(unitId, what, whatToDo);
    }

    String where() {
        return unitId == null ? "Whole file" : "Unit \"" + unitId + "\"";
    }
}
