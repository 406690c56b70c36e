# Words of the rule_of_law factor (rule_of_law.py). The scores are Freedom House's, 0 to 4.

rule_of_law = Rule of law: courts, due process, use of force
rule_of_law-scores = Freedom House (Freedom in the World { $edition-year }, covering { $year-year }) scores { $here } { $judiciary } of 4 for an independent judiciary, { $due_process } of 4 for due process and { $use_of_force } of 4 for protection from the illegitimate use of force.
rule_of_law-missing = how independent the courts and police of { $here } are
