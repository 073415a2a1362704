import Foundation

// The demo network's content: four fictional institutions (Mexico, the Dominican Republic,
// Chile and Guatemala), six specs in engineering, health and entrepreneurship, and twelve
// awards. Institution names and web addresses are invented (the `.example` domain is
// reserved); the quality assurance bodies and the ESCO skills are real.

extension DemoNetwork {
    // MARK: - Institutions

    public static let institutions: [InstitutionSeed] = [
        InstitutionSeed(
            slug: "utiv",
            name: LocalizedText(
                es: "Universidad Tecnológica de Ixtlán del Valle", en: "Ixtlán del Valle University of Technology"),
            country: "MX",
            url: "https://utiv.example",
            qualityAssuranceAgency: "Consejo para la Acreditación de la Educación Superior (COPAES)"),
        InstitutionSeed(
            slug: "ucambar",
            name: LocalizedText(es: "Universidad de la Costa Ámbar", en: "Amber Coast University"),
            country: "DO",
            url: "https://ucambar.example",
            qualityAssuranceAgency: "Ministerio de Educación Superior, Ciencia y Tecnología (MESCyT)"),
        InstitutionSeed(
            slug: "utve",
            name: LocalizedText(es: "Universidad Técnica del Valle de Elqui", en: "Elqui Valley Technical University"),
            country: "CL",
            url: "https://utve.example",
            qualityAssuranceAgency: "Comisión Nacional de Acreditación (CNA-Chile)"),
        InstitutionSeed(
            slug: "uatitlan",
            name: LocalizedText(es: "Universidad del Altiplano de Atitlán", en: "Atitlán Highlands University"),
            country: "GT",
            url: "https://uatitlan.example",
            qualityAssuranceAgency: "Consejo de la Enseñanza Privada Superior (CEPS)"),
    ]

    // MARK: - Specs

    /// An ESCO skill, with its exact Spanish and English preferred labels.
    private static func esco(_ id: String, es: String, en: String) -> SkillReference {
        SkillReference(uri: "http://data.europa.eu/esco/skill/\(id)", label: LocalizedText(es: es, en: en))
    }

    private static func outcome(es: String, en: String, _ skills: [SkillReference]) -> LearningOutcome {
        LearningOutcome(text: LocalizedText(es: es, en: en), skills: skills)
    }

    public static let specs: [SpecSeed] = [
        // 0 — Engineering, Mexico
        SpecSeed(institution: "utiv", input: {
            var s = SpecInput()
            s.title = LocalizedText(
                es: "Diseño e instalación de sistemas fotovoltaicos aislados",
                en: "Design and installation of off-grid photovoltaic systems")
            s.description = LocalizedText(
                es: "Microcredencial práctica para dimensionar, instalar y mantener sistemas fotovoltaicos aislados de la red "
                    + "en viviendas, escuelas y pequeños comercios de comunidades rurales. Combina sesiones en línea con "
                    + "prácticas en el laboratorio de energías renovables y una instalación real supervisada.",
                en: "A hands-on micro-credential to size, install and maintain off-grid photovoltaic systems for homes, "
                    + "schools and small shops in rural communities. It combines online sessions with practice in the "
                    + "renewable energy laboratory and a real, supervised installation.")
            s.learningOutcomes = [
                outcome(
                    es: "Determina la demanda energética diaria de una vivienda rural a partir de un inventario de cargas, "
                        + "potencias y horas de uso.",
                    en: "Determines the daily energy demand of a rural home from an inventory of loads, power ratings and "
                        + "hours of use.",
                    [
                        esco("96d901a6-c931-4e8d-b685-a47e1deaaa1b", es: "determinar necesidades energéticas",
                             en: "identify energy needs"),
                        esco("29bfe2cd-f011-4f94-a3aa-f77768e60460", es: "analizar el consumo de energía",
                             en: "analyse energy consumption"),
                    ]),
                outcome(
                    es: "Dimensiona un sistema fotovoltaico aislado (arreglo de módulos, banco de baterías, controlador de "
                        + "carga e inversor) para cubrir la demanda con tres días de autonomía, considerando la irradiación "
                        + "local y la inclinación óptima de los módulos.",
                    en: "Sizes an off-grid photovoltaic system (module array, battery bank, charge controller and inverter) "
                        + "to meet the demand with three days of autonomy, taking into account local irradiation and the "
                        + "optimal tilt of the modules.",
                    [
                        esco("50ac5186-bb18-4ffb-9f29-00636853c8ea", es: "diseñar sistemas de energía solar",
                             en: "design solar energy systems"),
                        esco("5bf756dd-a54a-47cd-80fe-3418fedd1c51", es: "determinar la orientación de paneles solares",
                             en: "calculate solar panel orientation"),
                    ]),
                outcome(
                    es: "Instala y pone en marcha el sistema conforme a la NOM-001-SEDE-2012, con protecciones, puesta a "
                        + "tierra y un diagrama unifilar actualizado.",
                    en: "Installs and commissions the system in accordance with NOM-001-SEDE-2012, with protective devices, "
                        + "earthing and an up-to-date single-line diagram.",
                    [
                        esco("18d3f89a-6ac5-4ca6-bf93-0baec4e13bcd", es: "instalar sistemas de energía fotovoltaica",
                             en: "install photovoltaic systems"),
                        esco("970af2f2-9a19-41a0-b42b-b1f36b083d28", es: "cumplir las normas de seguridad eléctrica",
                             en: "comply with electrical safety regulations"),
                    ]),
                outcome(
                    es: "Elabora un plan de mantenimiento preventivo y diagnostica fallas frecuentes (sombreado, "
                        + "sulfatación de baterías, conexiones flojas) con mediciones de voltaje y corriente.",
                    en: "Draws up a preventive maintenance plan and diagnoses common faults (shading, battery sulphation, "
                        + "loose connections) using voltage and current measurements.",
                    [
                        esco("33784b61-bd86-4451-8a89-741ada5f8475", es: "mantener sistemas fotovoltaicos",
                             en: "maintain photovoltaic systems"),
                        esco("334e3e49-fb02-4051-809a-f06adfdc1c40", es: "resolver problemas operativos",
                             en: "troubleshoot"),
                    ]),
            ]
            s.workloadHours = 80
            s.credits = [CreditValue(system: "ECTS", value: 3), CreditValue(system: "SATCA", value: 5)]
            s.eqfLevel = 5
            s.nationalLevel = "Equivalente a Técnico Superior Universitario (CINE 2011, nivel 5)"
            s.iscedField = "0713"
            s.assessment = Assessment(
                type: .project,
                description: LocalizedText(
                    es: "Proyecto integrador: memoria de cálculo de un sistema aislado para un caso real y su instalación "
                        + "en el laboratorio, evaluada con rúbrica por dos docentes.",
                    en: "Capstone project: a design report for an off-grid system for a real case and its installation in "
                        + "the laboratory, assessed with a rubric by two instructors."))
            s.participation = .blended
            s.qualityAssurance = LocalizedText(
                es: "Diseñada y revisada por la academia de Energías Renovables y aprobada por el Consejo Académico de la "
                    + "universidad; los programas educativos de la institución se acreditan ante organismos reconocidos por "
                    + "el COPAES. Un especialista externo del sector energético valida la rúbrica cada año.",
                en: "Designed and reviewed by the Renewable Energy faculty group and approved by the university's Academic "
                    + "Council; the institution's programmes are accredited by bodies recognised by COPAES. An external "
                    + "energy-sector specialist validates the rubric every year.")
            s.formality = .formal
            s.validityMonths = 60
            s.languages = ["es", "en"]
            s.prerequisites = LocalizedText(
                es: "Conocimientos básicos de electricidad (ley de Ohm, potencia y energía) y bachillerato concluido.",
                en: "Basic knowledge of electricity (Ohm's law, power and energy) and a completed upper-secondary education.")
            s.supervision = .supervisedOnsite
            s.gradingScheme = LocalizedText(
                es: "Escala numérica de 0 a 10; calificación mínima aprobatoria: 8.",
                en: "Numerical scale from 0 to 10; minimum passing grade: 8.")
            s.stackability = Stackability(
                kind: .stackable,
                description: LocalizedText(
                    es: "Acumulable, junto con otras dos microcredenciales, hacia el Diplomado en Energías Renovables; "
                        + "reconocible como asignatura optativa del programa de Técnico Superior Universitario en Energías "
                        + "Renovables.",
                    en: "Stackable, together with two other micro-credentials, towards the Diploma in Renewable Energy; "
                        + "recognised as an elective course of the Higher University Technician programme in Renewable "
                        + "Energy."))
            s.furtherInformation = LocalizedText(
                es: "Más información: https://utiv.example/microcredenciales/fotovoltaica",
                en: "More information: https://utiv.example/en/micro-credentials/photovoltaics")
            return s
        }()),

        // 1 — Engineering, Chile
        SpecSeed(institution: "utve", input: {
            var s = SpecInput()
            s.title = LocalizedText(
                es: "Automatización industrial con controladores lógicos programables (PLC)",
                en: "Industrial automation with programmable logic controllers (PLCs)")
            s.description = LocalizedText(
                es: "Microcredencial orientada a técnicos y técnicas de la industria minera y agroindustrial que necesitan "
                    + "programar, poner en marcha y mantener sistemas de control basados en PLC. Se desarrolla en el taller "
                    + "de automatización con estaciones electroneumáticas y variadores de frecuencia.",
                en: "A micro-credential for technicians in the mining and agri-food industries who need to program, "
                    + "commission and maintain PLC-based control systems. It takes place in the automation workshop with "
                    + "electro-pneumatic stations and variable-frequency drives.")
            s.learningOutcomes = [
                outcome(
                    es: "Interpreta los esquemas eléctricos y de control de un tablero industrial e identifica sensores, "
                        + "actuadores y elementos de protección.",
                    en: "Interprets the electrical and control diagrams of an industrial panel and identifies sensors, "
                        + "actuators and protective devices.",
                    [
                        esco("fe96f581-4905-4282-819c-922c68bda989", es: "interpretar esquemas eléctricos",
                             en: "interpret electrical diagrams"),
                        esco("70a7b3b3-31ef-4b29-a30f-bb7299dff39b", es: "sensores", en: "sensors"),
                    ]),
                outcome(
                    es: "Programa en lenguaje Ladder (IEC 61131-3) la secuencia de control de una celda de manufactura, "
                        + "con temporizadores, contadores y enclavamientos de seguridad.",
                    en: "Programs in Ladder language (IEC 61131-3) the control sequence of a manufacturing cell, with "
                        + "timers, counters and safety interlocks.",
                    [
                        esco("6468e5fb-f3be-4025-87be-4b6556755c61", es: "controladores lógicos programables",
                             en: "programmable logic controller"),
                        esco("d560df46-dda4-4407-bab2-b87353a96814", es: "diseñar sistemas de control",
                             en: "design control systems"),
                    ]),
                outcome(
                    es: "Conecta y configura sensores, actuadores electroneumáticos y un variador de frecuencia al PLC, "
                        + "respetando la normativa de seguridad eléctrica vigente.",
                    en: "Connects and configures sensors, electro-pneumatic actuators and a variable-frequency drive to the "
                        + "PLC, complying with current electrical safety regulations.",
                    [
                        esco("818c2b89-1335-4443-ada7-e1046862e273", es: "instalar componentes de automatización",
                             en: "install automation components"),
                        esco("bf419e00-8548-491a-a06f-d72ab439df2f", es: "neumáticos", en: "pneumatics"),
                    ]),
                outcome(
                    es: "Diagnostica y corrige fallas en un sistema automatizado en operación y documenta la intervención "
                        + "en una orden de trabajo.",
                    en: "Diagnoses and corrects faults in an automated system in operation and documents the intervention "
                        + "in a work order.",
                    [
                        esco("df12fd50-55dc-4cfd-a021-818880668789",
                             es: "mantener los sistemas de control para un equipo automatizado",
                             en: "maintain control systems for automated equipment"),
                        esco("334e3e49-fb02-4051-809a-f06adfdc1c40", es: "resolver problemas operativos",
                             en: "troubleshoot"),
                    ]),
            ]
            s.workloadHours = 108
            s.credits = [CreditValue(system: "ECTS", value: 4), CreditValue(system: "SCT-Chile", value: 4)]
            s.eqfLevel = 5
            s.nationalLevel = "Nivel 4 del Marco de Cualificaciones Técnico-Profesional (MCTP), referencial"
            s.iscedField = "0714"
            s.assessment = Assessment(
                type: .practicalDemonstration,
                description: LocalizedText(
                    es: "Demostración práctica en estación de automatización: programación y puesta en marcha de una "
                        + "secuencia y resolución de dos fallas simuladas, con pauta de cotejo.",
                    en: "Practical demonstration at an automation station: programming and commissioning a sequence and "
                        + "solving two simulated faults, assessed with a checklist."))
            s.participation = .onsite
            s.qualityAssurance = LocalizedText(
                es: "Aprobada por el Consejo Académico y sujeta al sistema interno de aseguramiento de la calidad de la "
                    + "universidad, acreditada por la Comisión Nacional de Acreditación (CNA-Chile). Los resultados de "
                    + "aprendizaje se validaron con empresas del sector minero de la Región de Coquimbo.",
                en: "Approved by the Academic Council and subject to the internal quality assurance system of the "
                    + "university, which is accredited by the National Accreditation Commission (CNA-Chile). The learning "
                    + "outcomes were validated with mining companies of the Coquimbo Region.")
            s.formality = .formal
            s.validityMonths = nil
            s.languages = ["es", "en"]
            s.prerequisites = LocalizedText(
                es: "Título de técnico de nivel medio o superior en electricidad, electrónica o mecánica, o experiencia "
                    + "laboral equivalente de al menos dos años.",
                en: "A secondary or higher technical qualification in electricity, electronics or mechanics, or at least "
                    + "two years of equivalent work experience.")
            s.supervision = .supervisedOnsite
            s.gradingScheme = LocalizedText(
                es: "Escala de notas de 1,0 a 7,0; nota mínima de aprobación 4,0, con una exigencia del 60 %.",
                en: "Grading scale from 1.0 to 7.0; minimum passing grade 4.0, set at 60% achievement.")
            s.stackability = Stackability(
                kind: .stackable,
                description: LocalizedText(
                    es: "Convalidable por la asignatura «Control Automático I» de la carrera de Ingeniería en Ejecución en "
                        + "Automatización y acumulable hacia el Diplomado en Automatización y Control Industrial.",
                    en: "Can be credited for the course “Automatic Control I” of the Automation Engineering programme and "
                        + "stacks towards the Diploma in Industrial Automation and Control."))
            s.furtherInformation = LocalizedText(
                es: "Más información: https://utve.example/educacion-continua/plc",
                en: "More information: https://utve.example/en/continuing-education/plc")
            return s
        }()),

        // 2 — Health, Dominican Republic
        SpecSeed(institution: "ucambar", input: {
            var s = SpecInput()
            s.title = LocalizedText(
                es: "Cuidado de enfermería a personas con diabetes e hipertensión en el primer nivel de atención",
                en: "Nursing care for people with diabetes and hypertension in primary care")
            s.description = LocalizedText(
                es: "Microcredencial de posgrado para licenciadas y licenciados en Enfermería que atienden a personas con "
                    + "enfermedades crónicas no transmisibles en unidades de atención primaria. Fortalece la valoración, "
                    + "la planificación de cuidados y la educación para el autocuidado.",
                en: "A postgraduate micro-credential for registered nurses who care for people with non-communicable "
                    + "chronic diseases in primary care units. It strengthens assessment, care planning and self-care "
                    + "education.")
            s.learningOutcomes = [
                outcome(
                    es: "Valora de forma integral a la persona con diabetes tipo 2 o hipertensión arterial: signos "
                        + "vitales, glucemia capilar, índice de masa corporal y examen del pie diabético.",
                    en: "Performs a comprehensive assessment of a person with type 2 diabetes or high blood pressure: "
                        + "vital signs, capillary blood glucose, body mass index and diabetic foot examination.",
                    [
                        esco("60f826be-0c1b-413b-aad5-4f7546622e16", es: "supervisar las constantes vitales de un paciente",
                             en: "monitor patient's vital signs"),
                        esco("46003629-a579-4d0a-b3ea-80ef890699d6",
                             es: "evaluar la necesidad de asistencia en enfermería", en: "diagnose nursing care"),
                    ]),
                outcome(
                    es: "Elabora un plan de cuidados con diagnósticos NANDA, resultados NOC e intervenciones NIC, ajustado "
                        + "a las guías clínicas nacionales.",
                    en: "Draws up a care plan with NANDA diagnoses, NOC outcomes and NIC interventions, in line with the "
                        + "national clinical guidelines.",
                    [
                        esco("6acf652c-33b2-4e28-8f79-1e553f255229", es: "planificar la asistencia de enfermería",
                             en: "plan nursing care"),
                        esco("76395873-7fe2-4f9a-b4b6-9932f8cbd0b4", es: "seguir las directrices clínicas",
                             en: "follow clinical guidelines"),
                    ]),
                outcome(
                    es: "Diseña e imparte una sesión educativa sobre alimentación, actividad física y adherencia al "
                        + "tratamiento, adaptada al nivel de alfabetización en salud del paciente y su familia.",
                    en: "Designs and delivers an education session on diet, physical activity and treatment adherence, "
                        + "adapted to the health literacy of the patient and their family.",
                    [
                        esco("60b2dd49-c677-4f47-816e-aff3b577e113", es: "proporcionar educación en salud",
                             en: "provide health education"),
                        esco("988c06ea-7ab9-4ee4-a64b-9e93f2527c6d", es: "promover un estilo de vida saludable",
                             en: "promote healthy lifestyle"),
                    ]),
                outcome(
                    es: "Registra el seguimiento en el expediente clínico electrónico, vigila la adherencia a la medicación "
                        + "y reconoce los signos de alarma que requieren referencia médica.",
                    en: "Records follow-up in the electronic health record, monitors medication adherence and recognises "
                        + "the warning signs that require medical referral.",
                    [
                        esco("a46743b7-ff8c-49b6-99f7-7fa5bc241771",
                             es: "utilizar un sistema electrónico de registros sanitarios para la asistencia de enfermería",
                             en: "use electronic health records in nursing"),
                        esco("fa01b6c3-82e0-43f1-af78-fd57f832e09a", es: "gestionar los medicamentos de los pacientes",
                             en: "monitor patients' medication"),
                    ]),
            ]
            s.workloadHours = 90
            s.credits = [CreditValue(system: "ECTS", value: 3)]
            s.eqfLevel = 7
            s.nationalLevel = "Educación continua de posgrado (CINE 2011, nivel 7)"
            s.iscedField = "0913"
            s.assessment = Assessment(
                type: .portfolio,
                description: LocalizedText(
                    es: "Portafolio con dos planes de cuidados de casos reales anonimizados, el material de una sesión "
                        + "educativa y la observación directa de una consulta de enfermería.",
                    en: "A portfolio with two care plans for real, anonymised cases, the materials of an education session "
                        + "and direct observation of a nursing consultation."))
            s.participation = .blended
            s.qualityAssurance = LocalizedText(
                es: "Aprobada por el Consejo Académico de la universidad conforme al reglamento de educación continua "
                    + "registrado ante el Ministerio de Educación Superior, Ciencia y Tecnología (MESCyT). Revisión "
                    + "curricular por la Escuela de Enfermería y evaluación anual de satisfacción y desempeño.",
                en: "Approved by the university's Academic Council under the continuing education regulations filed with "
                    + "the Ministry of Higher Education, Science and Technology (MESCyT). Curriculum review by the School "
                    + "of Nursing and a yearly review of satisfaction and performance.")
            s.formality = .formal
            s.validityMonths = 36
            s.languages = ["es", "en"]
            s.prerequisites = LocalizedText(
                es: "Licenciatura en Enfermería y exequátur vigente para ejercer en la República Dominicana.",
                en: "A bachelor's degree in Nursing and a current exequatur (licence) to practise in the Dominican "
                    + "Republic.")
            s.supervision = .supervisedOnline
            s.gradingScheme = LocalizedText(
                es: "Escala de 0 a 100 con equivalencia literal: A (90–100), B (80–89), C (70–79); mínimo aprobatorio 70.",
                en: "Scale from 0 to 100 with letter equivalents: A (90–100), B (80–89), C (70–79); minimum pass 70.")
            s.stackability = Stackability(
                kind: .stackable,
                description: LocalizedText(
                    es: "Reconocible por 3 créditos de la Especialidad en Enfermería Comunitaria de la misma universidad.",
                    en: "Can be recognised for 3 credits of the university's Specialisation in Community Nursing."))
            s.furtherInformation = LocalizedText(
                es: "Más información: https://ucambar.example/posgrado/enfermeria-cronicos",
                en: "More information: https://ucambar.example/en/postgraduate/chronic-care-nursing")
            return s
        }()),

        // 3 — Health, Guatemala
        SpecSeed(institution: "uatitlan", input: {
            var s = SpecInput()
            s.title = LocalizedText(
                es: "Salud materna y neonatal con enfoque intercultural en comunidades rurales",
                en: "Maternal and newborn health with an intercultural approach in rural communities")
            s.description = LocalizedText(
                es: "Microcredencial para promotoras y promotores de salud, auxiliares de enfermería y comadronas que "
                    + "acompañan el embarazo, el parto y el puerperio en comunidades del altiplano. Integra los "
                    + "protocolos de salud materna con el respeto a las prácticas y la cosmovisión de los pueblos mayas.",
                en: "A micro-credential for community health workers, nursing auxiliaries and traditional midwives who "
                    + "support pregnancy, childbirth and the postpartum period in highland communities. It combines "
                    + "maternal health protocols with respect for the practices and worldview of the Maya peoples.")
            s.learningOutcomes = [
                outcome(
                    es: "Identifica los signos de peligro durante el embarazo, el parto y el puerperio, y activa el plan "
                        + "de emergencia familiar y comunitario para el traslado oportuno.",
                    en: "Identifies danger signs during pregnancy, childbirth and the postpartum period, and activates the "
                        + "family and community emergency plan for timely referral.",
                    [
                        esco("6aa0f78f-2d68-432b-ab08-e3f504571076", es: "vigilar el embarazo", en: "monitor pregnancy"),
                        esco("be1b93a1-dda7-436e-b291-7fe28ae9a450",
                             es: "aplicar medidas de emergencia durante el embarazo o el parto",
                             en: "take emergency measures in pregnancy"),
                    ]),
                outcome(
                    es: "Brinda los cuidados esenciales al recién nacido (contacto piel con piel, termorregulación, inicio "
                        + "temprano de la lactancia materna) y reconoce los signos de alarma neonatal.",
                    en: "Provides essential newborn care (skin-to-skin contact, thermoregulation, early initiation of "
                        + "breastfeeding) and recognises neonatal danger signs.",
                    [
                        esco("5ff6f551-f2a4-4cef-a72d-e81116155a43", es: "atención neonatológica", en: "newborn care"),
                        esco("4a8492b8-55ba-4ffa-b187-4b16d20bacc4",
                             es: "evaluar el transcurso del periodo de lactancia materna",
                             en: "assess the course of breast-feeding period"),
                    ]),
                outcome(
                    es: "Dialoga con respeto con comadronas y familias, e integra en el plan de parto las prácticas "
                        + "tradicionales seguras y las preferencias culturales de la mujer.",
                    en: "Engages respectfully with traditional midwives and families, and includes safe traditional "
                        + "practices and the woman's cultural preferences in the birth plan.",
                    [
                        esco("b55f61a4-5f9e-4741-ba95-9ac04b64119b",
                             es: "trabajar en entornos multiculturales en la atención sanitaria",
                             en: "work in a multicultural environment in health care"),
                        esco("7d23c508-c007-4221-bb84-0c9a479b8ea6", es: "demostrar una conciencia intercultural",
                             en: "show intercultural awareness"),
                    ]),
                outcome(
                    es: "Orienta a las familias sobre planificación familiar y cuidados en el hogar con materiales "
                        + "adaptados al idioma y al contexto de la comunidad.",
                    en: "Advises families on family planning and home care using materials adapted to the community's "
                        + "language and context.",
                    [
                        esco("2f31126e-b6c9-4a20-8747-3b1eeb0ba426",
                             es: "aconsejar respecto a la planificación familiar", en: "advise on family planning"),
                        esco("60b2dd49-c677-4f47-816e-aff3b577e113", es: "proporcionar educación en salud",
                             en: "provide health education"),
                    ]),
            ]
            s.workloadHours = 120
            s.credits = [CreditValue(system: "ECTS", value: 4)]
            s.eqfLevel = 4
            s.nationalLevel = "Formación técnica comunitaria (CINE 2011, nivel 4)"
            s.iscedField = "0913"
            s.assessment = Assessment(
                type: .practicalDemonstration,
                description: LocalizedText(
                    es: "Simulación clínica con maniquí de parto y de recién nacido, y presentación oral de un plan de "
                        + "emergencia comunitario; ambas con lista de cotejo.",
                    en: "Clinical simulation with childbirth and newborn manikins, and an oral presentation of a community "
                        + "emergency plan; both assessed with a checklist."))
            s.participation = .blended
            s.qualityAssurance = LocalizedText(
                es: "La universidad está autorizada por el Consejo de la Enseñanza Privada Superior (CEPS). El programa "
                    + "fue aprobado por el comité curricular de la Facultad de Ciencias de la Salud y validado con personal "
                    + "de salud del área y con comadronas de la región.",
                en: "The university is authorised by the Council for Private Higher Education (CEPS). The programme was "
                    + "approved by the curriculum committee of the Faculty of Health Sciences and validated with local "
                    + "health staff and traditional midwives of the region.")
            s.formality = .nonFormal
            s.validityMonths = 24
            s.languages = ["es", "en"]
            s.prerequisites = LocalizedText(
                es: "Experiencia comunitaria en salud como promotor/a, auxiliar de enfermería o comadrona; lectura y "
                    + "escritura en español.",
                en: "Community health experience as a health promoter, nursing auxiliary or traditional midwife; reading "
                    + "and writing in Spanish.")
            s.supervision = .supervisedOnsite
            s.gradingScheme = LocalizedText(
                es: "Aprobado / No aprobado; se otorga la mención «Aprobado con distinción» con el 90 % o más de la "
                    + "lista de cotejo.",
                en: "Pass / Fail; the distinction “Passed with distinction” is given for 90% or more of the checklist.")
            s.stackability = Stackability(
                kind: .standalone,
                description: LocalizedText(
                    es: "Microcredencial independiente; puede presentarse como evidencia de formación continua ante los "
                        + "servicios de salud.",
                    en: "A stand-alone micro-credential; it can be presented as evidence of continuing education to health "
                        + "services."))
            s.furtherInformation = LocalizedText(
                es: "Más información: https://uatitlan.example/salud/materno-neonatal",
                en: "More information: https://uatitlan.example/en/health/maternal-newborn")
            return s
        }()),

        // 4 — Entrepreneurship, Mexico
        SpecSeed(institution: "utiv", input: {
            var s = SpecInput()
            s.title = LocalizedText(
                es: "Emprendimiento e innovación: del problema al modelo de negocio validado",
                en: "Entrepreneurship and innovation: from problem to validated business model")
            s.description = LocalizedText(
                es: "Microcredencial en línea para estudiantes y egresados que quieren convertir una idea en un "
                    + "emprendimiento viable. Se trabaja en equipos con mentoría de personas emprendedoras de la región y "
                    + "concluye con la presentación ante un panel de inversionistas.",
                en: "An online micro-credential for students and graduates who want to turn an idea into a viable venture. "
                    + "Learners work in teams mentored by entrepreneurs from the region and finish with a pitch to a panel "
                    + "of investors.")
            s.learningOutcomes = [
                outcome(
                    es: "Formula un problema u oportunidad de negocio a partir de al menos 15 entrevistas a clientes "
                        + "potenciales y sintetiza los hallazgos en un mapa de empatía.",
                    en: "Frames a business problem or opportunity from at least 15 interviews with potential customers and "
                        + "synthesises the findings in an empathy map.",
                    [
                        esco("66d47084-9437-48b2-819b-c4c8214ed650", es: "entrevistar a personas",
                             en: "interview people"),
                        esco("fe39d4db-4cb5-4299-bb9f-896c8fd6ab13", es: "realizar estudios de mercado",
                             en: "perform market research"),
                    ]),
                outcome(
                    es: "Construye un lienzo de modelo de negocio con propuesta de valor, segmentos de clientes, canales y "
                        + "fuentes de ingresos, y lo ajusta con la evidencia obtenida.",
                    en: "Builds a business model canvas with a value proposition, customer segments, channels and revenue "
                        + "streams, and refines it with the evidence gathered.",
                    [
                        esco("3c1cbc5e-2220-4f45-bcc8-3d52c8c9cae0", es: "modelo de negocio", en: "business model"),
                        esco("136e0cab-0b19-48f7-9086-745d615f416b", es: "segmentación de la clientela",
                             en: "customer segmentation"),
                    ]),
                outcome(
                    es: "Diseña un producto mínimo viable y define métricas para poner a prueba sus hipótesis críticas.",
                    en: "Designs a minimum viable product and defines metrics to test its critical hypotheses.",
                    [
                        esco("bacbfc27-4b5d-47de-8bfd-af5fa27562a2", es: "diseñar prototipos", en: "design prototypes"),
                        esco("2fb8480e-de3c-462b-b169-e8bbb344da68", es: "procesos de innovación",
                             en: "innovation processes"),
                    ]),
                outcome(
                    es: "Presenta el proyecto en un pitch de cinco minutos y responde con argumentos a las preguntas del "
                        + "panel de inversionistas.",
                    en: "Presents the venture in a five-minute pitch and answers the investor panel's questions with sound "
                        + "arguments.",
                    [
                        esco("39e7d2a3-8d01-497c-8c5f-d51ab53a4a22", es: "presentar argumentos de forma persuasiva",
                             en: "present arguments persuasively"),
                        esco("bdcf429c-5ccf-4c3d-bb61-4c987573a35e", es: "tener un espíritu emprendedor",
                             en: "show entrepreneurial spirit"),
                    ]),
            ]
            s.workloadHours = 64
            s.credits = [CreditValue(system: "ECTS", value: 2.5), CreditValue(system: "SATCA", value: 4)]
            s.eqfLevel = 6
            s.nationalLevel = "Licenciatura, educación continua (CINE 2011, nivel 6)"
            s.iscedField = "0413"
            s.assessment = Assessment(
                type: .project,
                description: LocalizedText(
                    es: "Proyecto en equipo: bitácora de validación con clientes, lienzo de modelo de negocio final y "
                        + "pitch ante un panel externo; la calificación individual incluye coevaluación.",
                    en: "Team project: a customer validation log, the final business model canvas and a pitch to an "
                        + "external panel; the individual grade includes peer assessment."))
            s.participation = .online
            s.qualityAssurance = LocalizedText(
                es: "Aprobada por el Consejo Académico; diseño instruccional revisado por la Coordinación de Educación a "
                    + "Distancia y panel de evaluación con al menos un miembro externo del ecosistema emprendedor. Los "
                    + "programas de la institución se acreditan ante organismos reconocidos por el COPAES.",
                en: "Approved by the Academic Council; instructional design reviewed by the Distance Education Office and "
                    + "an assessment panel with at least one external member from the entrepreneurial ecosystem. The "
                    + "institution's programmes are accredited by bodies recognised by COPAES.")
            s.formality = .nonFormal
            s.validityMonths = nil
            s.languages = ["es", "en"]
            s.prerequisites = LocalizedText(
                es: "Ninguno; se recomienda haber cursado al menos el 50 % de una licenciatura o tener experiencia "
                    + "laboral.",
                en: "None; having completed at least half of a bachelor's programme or having work experience is "
                    + "recommended.")
            s.supervision = .supervisedOnline
            s.gradingScheme = LocalizedText(
                es: "Escala numérica de 0 a 10; calificación mínima aprobatoria: 8.",
                en: "Numerical scale from 0 to 10; minimum passing grade: 8.")
            s.stackability = Stackability(
                kind: .stackable,
                description: LocalizedText(
                    es: "Reconocible como asignatura optativa en las licenciaturas de la universidad y acumulable hacia "
                        + "el Diplomado en Innovación y Emprendimiento.",
                    en: "Can be recognised as an elective in the university's bachelor's programmes and stacks towards "
                        + "the Diploma in Innovation and Entrepreneurship."))
            s.furtherInformation = LocalizedText(
                es: "Más información: https://utiv.example/microcredenciales/emprendimiento",
                en: "More information: https://utiv.example/en/micro-credentials/entrepreneurship")
            return s
        }()),

        // 5 — Entrepreneurship, Dominican Republic
        SpecSeed(institution: "ucambar", input: {
            var s = SpecInput()
            s.title = LocalizedText(
                es: "Plan de negocios y gestión financiera para mipymes",
                en: "Business planning and financial management for micro, small and medium-sized enterprises")
            s.description = LocalizedText(
                es: "Microcredencial presencial para personas emprendedoras y dueñas de mipymes que necesitan formular un "
                    + "plan de negocios sólido, ordenar sus finanzas y preparar una solicitud de financiamiento.",
                en: "An on-site micro-credential for entrepreneurs and owners of micro, small and medium-sized "
                    + "enterprises who need to write a sound business plan, organise their finances and prepare a funding "
                    + "application.")
            s.learningOutcomes = [
                outcome(
                    es: "Analiza el mercado de un emprendimiento local (tamaño, competencia y precios) y estima su demanda "
                        + "potencial.",
                    en: "Analyses the market of a local venture (size, competition and prices) and estimates its potential "
                        + "demand.",
                    [
                        esco("fe39d4db-4cb5-4299-bb9f-896c8fd6ab13", es: "realizar estudios de mercado",
                             en: "perform market research"),
                        esco("b011c8b4-76e1-4bbc-8bb9-1d205e7b618a", es: "análisis del mercado", en: "market analysis"),
                    ]),
                outcome(
                    es: "Redacta un plan de negocios completo, con estrategia comercial, plan operativo y estructura "
                        + "organizativa.",
                    en: "Writes a complete business plan, with a marketing strategy, an operating plan and an "
                        + "organisational structure.",
                    [
                        esco("ead58f22-0af5-467c-ac1e-b750e4e1ac6a", es: "elaborar planes de empresa",
                             en: "develop business plans"),
                        esco("658605f2-1c95-49f0-bd98-0af7b15ad0b0", es: "emprendimiento", en: "entrepreneurship"),
                    ]),
                outcome(
                    es: "Proyecta los estados financieros y el flujo de caja a tres años y calcula el punto de equilibrio "
                        + "del negocio.",
                    en: "Projects three-year financial statements and cash flow and calculates the business's break-even "
                        + "point.",
                    [
                        esco("56ff27ef-2565-45bf-a70c-f06d78d2a480", es: "preparar un plan financiero",
                             en: "create a financial plan"),
                        esco("3f0ff149-7726-4205-be63-3c48c5c7cac8", es: "gestionar el flujo de caja",
                             en: "manage cash flow"),
                    ]),
                outcome(
                    es: "Fija precios a partir de los costos y del mercado, y compara fuentes de financiamiento "
                        + "(microcrédito, banca, fondos públicos) para elegir la más conveniente.",
                    en: "Sets prices based on costs and the market, and compares funding sources (microcredit, banks, "
                        + "public funds) to choose the most suitable one.",
                    [
                        esco("183134a2-3f8e-4a38-9e81-35c2bec0272b", es: "establecer estrategias de precios",
                             en: "set up pricing strategies"),
                        esco("3556c075-eee0-4549-b730-48ae70cb5af9", es: "métodos de financiación",
                             en: "funding methods"),
                    ]),
            ]
            s.workloadHours = 75
            s.credits = [CreditValue(system: "ECTS", value: 3)]
            s.eqfLevel = 5
            s.nationalLevel = "Técnico superior, educación continua (CINE 2011, nivel 5)"
            s.iscedField = "0413"
            s.assessment = Assessment(
                type: .project,
                description: LocalizedText(
                    es: "Plan de negocios individual con modelo financiero en hoja de cálculo, defendido oralmente ante un "
                        + "jurado de docentes y representantes de entidades financieras.",
                    en: "An individual business plan with a spreadsheet financial model, defended orally before a panel of "
                        + "lecturers and representatives of financial institutions."))
            s.participation = .onsite
            s.qualityAssurance = LocalizedText(
                es: "Aprobada por el Consejo Académico conforme al reglamento de educación continua registrado ante el "
                    + "MESCyT; contenidos revisados por la Escuela de Negocios y por un comité asesor de la cámara de "
                    + "comercio local.",
                en: "Approved by the Academic Council under the continuing education regulations filed with MESCyT; "
                    + "content reviewed by the Business School and an advisory committee from the local chamber of "
                    + "commerce.")
            s.formality = .nonFormal
            s.validityMonths = nil
            s.languages = ["es", "en"]
            s.prerequisites = LocalizedText(
                es: "Bachillerato concluido y una idea de negocio o un emprendimiento en marcha.",
                en: "A completed secondary education and a business idea or a running venture.")
            s.supervision = .supervised
            s.gradingScheme = LocalizedText(
                es: "Escala de 0 a 100; mínimo aprobatorio 70. Con 90 o más se otorga la mención «Aprobado con "
                    + "distinción».",
                en: "Scale from 0 to 100; minimum pass 70. A score of 90 or more earns the distinction “Passed with "
                    + "distinction”.")
            s.stackability = Stackability(
                kind: .standalone,
                description: LocalizedText(
                    es: "Microcredencial independiente, útil como respaldo ante programas públicos de apoyo a las mipymes.",
                    en: "A stand-alone micro-credential, useful as supporting evidence for public programmes that support "
                        + "small businesses."))
            s.furtherInformation = LocalizedText(
                es: "Más información: https://ucambar.example/educacion-continua/plan-de-negocios",
                en: "More information: https://ucambar.example/en/continuing-education/business-plan")
            return s
        }()),
    ]

    // MARK: - Awards

    public static let awards: [AwardSeed] = [
        AwardSeed(
            institution: "utiv", spec: 0,
            learner: Learner(givenName: "María José", familyName: "Núñez Pérez", email: "maria.nunez@correo.example"),
            grade: "9.5/10", daysAgo: 12),
        AwardSeed(
            institution: "utiv", spec: 0,
            learner: Learner(givenName: "José Andrés", familyName: "Peña Ruiz", email: "jose.pena@correo.example"),
            grade: "8.7/10", daysAgo: 45),
        AwardSeed(
            institution: "utve", spec: 1,
            learner: Learner(
                givenName: "Catalina", familyName: "Muñoz Sepúlveda", email: "catalina.munoz@correo.example"),
            grade: "6,5 (escala 1–7)", daysAgo: 30),
        AwardSeed(
            institution: "utve", spec: 1,
            learner: Learner(
                givenName: "Benjamín", familyName: "Huenchumilla Rojas", email: "benjamin.huenchumilla@correo.example"),
            grade: "5,8 (escala 1–7)", daysAgo: 120),
        AwardSeed(
            institution: "ucambar", spec: 2,
            learner: Learner(
                givenName: "Yokasta", familyName: "Almonte de la Cruz", email: "yokasta.almonte@correo.example"),
            grade: "A (94/100)", daysAgo: 60),
        AwardSeed(
            institution: "ucambar", spec: 2,
            learner: Learner(
                givenName: "Jean Carlos", familyName: "Rosario Féliz", email: "jeancarlos.rosario@correo.example"),
            grade: "B (86/100)", daysAgo: 95),
        AwardSeed(
            institution: "uatitlan", spec: 3,
            learner: Learner(givenName: "Rosa Elvira", familyName: "Xicará Tzoc"),
            grade: "Aprobado con distinción", daysAgo: 20),
        AwardSeed(
            institution: "uatitlan", spec: 3,
            learner: Learner(givenName: "Ana Lucía", familyName: "Ajú Velásquez", email: "ana.aju@correo.example"),
            grade: "Aprobado", daysAgo: 75),
        AwardSeed(
            institution: "utiv", spec: 4,
            learner: Learner(givenName: "João Pedro", familyName: "Gonçalves Lima", email: "joao.goncalves@correo.example"),
            grade: "9.0/10", daysAgo: 150),
        AwardSeed(
            institution: "utiv", spec: 4,
            learner: Learner(givenName: "Luis Ángel", familyName: "Hernández Güemes"),
            grade: nil, daysAgo: 210),
        AwardSeed(
            institution: "ucambar", spec: 5,
            learner: Learner(givenName: "Anyelina", familyName: "Báez Santana", email: "anyelina.baez@correo.example"),
            grade: "Aprobado con distinción (95/100)", daysAgo: 400),
        AwardSeed(
            institution: "ucambar", spec: 5,
            learner: Learner(
                givenName: "Wanda Altagracia", familyName: "Mejía Tavárez", email: "wanda.mejia@correo.example"),
            grade: "A (92/100)", daysAgo: 180),
    ]
}
