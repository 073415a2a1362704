import LinkedData

/// The spec the API tests create (`POST /api/v1/specs`): every required element, in Spanish.
public let specBody: JSONValue = [
    "title": ["es": "Soldadura de estructuras", "en": "Structural welding"],
    "description": ["es": "Soldadura por arco de estructuras metálicas."],
    "learningOutcomes": [["text": ["es": "Suelda uniones a tope."], "skills": []]],
    "workloadHours": 60,
    "credits": [["system": "ECTS", "value": 2]],
    "eqfLevel": 4,
    "iscedField": "0715",
    "assessment": ["type": "practical-demonstration"],
    "participation": "onsite",
    "qualityAssurance": ["es": "Comité de calidad."],
    "formality": "non-formal",
    "validityMonths": 12,
]
