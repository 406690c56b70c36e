# Words of the violence_protection factor (violence_protection.py). $measures lists
# violence_protection-<measure>-<yes|limited|no>.

violence_protection = Protection from violence
violence_protection-measures = Protection from domestic violence in { $here }: { $measures }. A shelter is a stopgap, not safety from the pursuers.
violence_protection-shelters-yes = there are shelters
violence_protection-shelters-limited = shelters are few
violence_protection-shelters-no = there are no shelters
violence_protection-orders-yes = courts issue protection orders
violence_protection-orders-limited = protection orders are hard to get
violence_protection-orders-no = there are no protection orders
violence_protection-foreigners-yes = foreigners can use them
violence_protection-foreigners-limited = foreigners can use them only in part
violence_protection-foreigners-no = foreigners cannot use them
violence_protection-missing = shelters and protection orders in { $here }
