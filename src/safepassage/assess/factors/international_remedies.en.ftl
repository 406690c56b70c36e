# Words of the international_remedies factor (international_remedies.py).

international_remedies = International complaints and interim measures
international_remedies-available = A complaint against { $here } can go to { $bodies }.
international_remedies-none = { $here } accepts none of the individual-complaint mechanisms on record.
international_remedies-unknown = Which complaint mechanisms { $here } accepts is not on record.
international_remedies-record = { $record ->
        [ignored] { $here } has ignored interim measures before.
        [mixed] { $here } has not always obeyed interim measures.
       *[honoured] { $here } has obeyed interim measures before.
    }
international_remedies-body-echr = the European Court of Human Rights
international_remedies-body-cat-art22 = the UN Committee against Torture
international_remedies-body-iccpr-op1 = the UN Human Rights Committee
international_remedies-body-op-cedaw = the UN CEDAW Committee
international_remedies-missing = which complaint mechanisms { $here } accepts
