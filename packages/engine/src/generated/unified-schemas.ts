// Generated from schemas/**/*.schema.json by `pnpm generate`. Do not edit.

/** `schemas/common.schema.json`: the definitions every unified schema refers to by `$ref`. */
export const COMMON_SCHEMA = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://org.dev/schemas/common.schema.json",
  "title": "Common definitions",
  "description": "Shapes shared by the unified schemas of every model: time stamps, dates, references to other records, email and phone entries, role assignments and postal addresses.",
  "$defs": {
    "timestamp": {
      "title": "Timestamp",
      "description": "An instant in ISO-8601 format, in UTC, ending in Z. Fractional seconds are optional.",
      "type": "string",
      "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$",
      "format": "date-time",
      "examples": [
        "2024-05-01T17:03:11.000Z"
      ]
    },
    "date": {
      "title": "Calendar date",
      "description": "A calendar date without a time of day, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
      "format": "date",
      "examples": [
        "2021-03-15"
      ]
    },
    "reference": {
      "title": "Reference",
      "description": "A reference to another record: its id and, when the provider gives it, its display name.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "Id of the referenced record, as the provider's own resource reports it.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00g1emaKYZTWRYYRRTSK"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the referenced record.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Engineering"
          ]
        }
      },
      "required": [
        "id"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00g1emaKYZTWRYYRRTSK",
          "name": "Engineering"
        }
      ]
    },
    "id_reference": {
      "title": "Id reference",
      "description": "A reference to another record by id only.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "Id of the referenced record, as the provider's own resource reports it.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00u1ovqs8bVs1Y2Ze5d7"
          ]
        }
      },
      "required": [
        "id"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00u1ovqs8bVs1Y2Ze5d7"
        }
      ]
    },
    "email": {
      "title": "Email entry",
      "description": "One email address of a person, with its kind.",
      "type": "object",
      "properties": {
        "email": {
          "title": "Email",
          "description": "The email address.",
          "type": "string",
          "minLength": 1,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "examples": [
            "ada.lovelace@acme.com"
          ]
        },
        "type": {
          "title": "Type",
          "description": "Kind of address: work, personal or other. Omitted when the provider does not say.",
          "type": "string",
          "enum": [
            "work",
            "personal",
            "other"
          ],
          "examples": [
            "work"
          ]
        },
        "is_primary": {
          "title": "Is primary",
          "description": "True for the address the provider treats as the person's main one.",
          "type": "boolean",
          "examples": [
            true
          ]
        }
      },
      "required": [
        "email"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "email": "ada.lovelace@acme.com",
          "type": "work",
          "is_primary": true
        }
      ]
    },
    "phone": {
      "title": "Phone entry",
      "description": "One phone number of a person, with its kind.",
      "type": "object",
      "properties": {
        "number": {
          "title": "Number",
          "description": "The phone number as the provider has it, preferably in E.164 form.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "+14155550123"
          ]
        },
        "type": {
          "title": "Type",
          "description": "Kind of number: work, mobile, home or other. Omitted when the provider does not say.",
          "type": "string",
          "enum": [
            "work",
            "mobile",
            "home",
            "other"
          ],
          "examples": [
            "mobile"
          ]
        }
      },
      "required": [
        "number"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "number": "+14155550123",
          "type": "mobile"
        }
      ]
    },
    "role_assignment": {
      "title": "Role assignment",
      "description": "A role a user holds, with the environment it applies to when the provider scopes roles by environment.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "Id of the role, matching a record of user-directory/roles when the provider lists roles.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "SUPER_ADMIN"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the role.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Super Administrator"
          ]
        },
        "environment": {
          "title": "Environment",
          "description": "The environment the role applies to, for providers with per-environment roles (for example dev, test, prod).",
          "type": "string",
          "minLength": 1,
          "examples": [
            "prod"
          ]
        }
      },
      "required": [
        "name"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "SUPER_ADMIN",
          "name": "Super Administrator"
        }
      ]
    },
    "address": {
      "title": "Address",
      "description": "A postal address. Parts the provider does not have are omitted; at least one is present.",
      "type": "object",
      "properties": {
        "street_1": {
          "title": "Street 1",
          "description": "First line of the street address.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "100 First Street"
          ]
        },
        "street_2": {
          "title": "Street 2",
          "description": "Second line of the street address: suite, floor, building.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Suite 600"
          ]
        },
        "city": {
          "title": "City",
          "description": "City or locality.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "San Francisco"
          ]
        },
        "state": {
          "title": "State",
          "description": "State, province or region, as the provider has it.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "CA"
          ]
        },
        "postal_code": {
          "title": "Postal code",
          "description": "Postal or ZIP code.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "94105"
          ]
        },
        "country": {
          "title": "Country",
          "description": "Country: an ISO 3166-1 alpha-2 code when it can be derived from the provider's value, otherwise that value.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "US"
          ]
        }
      },
      "minProperties": 1,
      "additionalProperties": false,
      "examples": [
        {
          "street_1": "100 First Street",
          "street_2": "Suite 600",
          "city": "San Francisco",
          "state": "CA",
          "postal_code": "94105",
          "country": "US"
        }
      ]
    }
  }
} as const;

/** Every unified JSON Schema (draft 2020-12), by model and resource id. */
export const UNIFIED_SCHEMAS = {
  'hris': {
    'companies': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/hris/companies.schema.json",
      "title": "Company",
      "description": "The company, or one legal entity of it.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The company's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00o1n8sbwArJ7OQRw406"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Name the company is known by.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Acme"
          ]
        },
        "legal_name": {
          "title": "Legal name",
          "description": "Registered legal name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Acme Inc."
          ]
        },
        "address": {
          "$ref": "../common.schema.json#/$defs/address",
          "title": "Address",
          "description": "Postal address of the company.",
          "examples": [
            {
              "street_1": "100 First Street",
              "street_2": "Suite 600",
              "city": "San Francisco",
              "state": "CA",
              "postal_code": "94105",
              "country": "US"
            }
          ]
        },
        "phone": {
          "title": "Phone",
          "description": "Main phone number.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "+14155550100"
          ]
        },
        "website": {
          "title": "Website",
          "description": "The company's website, as the provider has it.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "https://www.acme.com"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the company was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the company was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "00o1n8sbwArJ7OQRw406",
              "companyName": "Acme Inc.",
              "subdomain": "acme"
            }
          ]
        }
      },
      "required": [
        "id",
        "name"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00o1n8sbwArJ7OQRw406",
          "name": "Acme",
          "legal_name": "Acme Inc.",
          "address": {
            "street_1": "100 First Street",
            "street_2": "Suite 600",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94105",
            "country": "US"
          },
          "phone": "+14155550100",
          "website": "https://www.acme.com",
          "created_at": "2019-01-07T16:20:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "00o1n8sbwArJ7OQRw406",
            "companyName": "Acme Inc.",
            "subdomain": "acme"
          }
        }
      ]
    },
    'employees': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/hris/employees.schema.json",
      "title": "Employee",
      "description": "A person employed by, or working for, the company.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The employee's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00u1ovqs8bVs1Y2Ze5d7"
          ]
        },
        "employee_number": {
          "title": "Employee number",
          "description": "The number the company gives the employee.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "10442"
          ]
        },
        "first_name": {
          "title": "First name",
          "description": "Given name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Ada"
          ]
        },
        "last_name": {
          "title": "Last name",
          "description": "Family name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Lovelace"
          ]
        },
        "display_name": {
          "title": "Display name",
          "description": "Full name as displayed.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Ada Lovelace"
          ]
        },
        "work_email": {
          "title": "Work email",
          "description": "Work email address.",
          "type": "string",
          "minLength": 1,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "examples": [
            "ada.lovelace@acme.com"
          ]
        },
        "personal_email": {
          "title": "Personal email",
          "description": "Personal email address.",
          "type": "string",
          "minLength": 1,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "examples": [
            "ada@example.org"
          ]
        },
        "phones": {
          "title": "Phones",
          "description": "Phone numbers of the employee.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/phone"
          },
          "examples": [
            [
              {
                "number": "+14155550123",
                "type": "mobile"
              }
            ]
          ]
        },
        "job_title": {
          "title": "Job title",
          "description": "Job title.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Staff Engineer"
          ]
        },
        "department": {
          "title": "Department",
          "description": "Department name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Engineering"
          ]
        },
        "division": {
          "title": "Division",
          "description": "Division name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Product"
          ]
        },
        "cost_center": {
          "title": "Cost center",
          "description": "Cost center code or name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "CC-410"
          ]
        },
        "organization": {
          "title": "Organization",
          "description": "Organization or legal entity the employee belongs to.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Acme Inc."
          ]
        },
        "employment_status": {
          "title": "Employment status",
          "description": "active (working), pending (hired, not started or not yet activated), inactive (on leave or suspended), terminated (left the company). The raw status stays in remote_data.",
          "type": "string",
          "enum": [
            "active",
            "pending",
            "inactive",
            "terminated"
          ],
          "examples": [
            "active"
          ]
        },
        "employment_type": {
          "title": "Employment type",
          "description": "employee, contractor, intern, temporary, or other for any other value the provider has; omitted when the provider has none.",
          "type": "string",
          "enum": [
            "employee",
            "contractor",
            "intern",
            "temporary",
            "other"
          ],
          "examples": [
            "employee"
          ]
        },
        "manager": {
          "$ref": "../common.schema.json#/$defs/reference",
          "title": "Manager",
          "description": "The employee's manager, a record of hris/employees.",
          "examples": [
            {
              "id": "00u1ovqs8bVs1Y2Ze9k2",
              "name": "Charles Babbage"
            }
          ]
        },
        "work_location": {
          "$ref": "../common.schema.json#/$defs/id_reference",
          "title": "Work location",
          "description": "Where the employee works, a record of hris/locations.",
          "examples": [
            {
              "id": "q0t8ZmRvE3p3gA1lq5Zb2w"
            }
          ]
        },
        "start_date": {
          "$ref": "../common.schema.json#/$defs/date",
          "title": "Start date",
          "description": "First day of employment.",
          "examples": [
            "2021-03-15"
          ]
        },
        "termination_date": {
          "$ref": "../common.schema.json#/$defs/date",
          "title": "Termination date",
          "description": "Last day of employment, when it has ended or is scheduled to end.",
          "examples": [
            "2025-06-30"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the employee record was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the employee record was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "00u1ovqs8bVs1Y2Ze5d7",
              "status": "ACTIVE",
              "profile": {
                "employeeNumber": "10442",
                "userType": "Employee"
              }
            }
          ]
        }
      },
      "required": [
        "id"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00u1ovqs8bVs1Y2Ze5d7",
          "employee_number": "10442",
          "first_name": "Ada",
          "last_name": "Lovelace",
          "display_name": "Ada Lovelace",
          "work_email": "ada.lovelace@acme.com",
          "personal_email": "ada@example.org",
          "phones": [
            {
              "number": "+14155550123",
              "type": "mobile"
            }
          ],
          "job_title": "Staff Engineer",
          "department": "Engineering",
          "division": "Product",
          "cost_center": "CC-410",
          "organization": "Acme Inc.",
          "employment_status": "active",
          "employment_type": "employee",
          "manager": {
            "id": "00u1ovqs8bVs1Y2Ze9k2",
            "name": "Charles Babbage"
          },
          "work_location": {
            "id": "q0t8ZmRvE3p3gA1lq5Zb2w"
          },
          "start_date": "2021-03-15",
          "termination_date": "2025-06-30",
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "00u1ovqs8bVs1Y2Ze5d7",
            "status": "ACTIVE",
            "profile": {
              "employeeNumber": "10442",
              "userType": "Employee"
            }
          }
        }
      ]
    },
    'groups': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/hris/groups.schema.json",
      "title": "Group",
      "description": "An organizational unit employees belong to: department, team, division...",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The group's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00g1emaKYZTWRYYRRTSK"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the group.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Engineering"
          ]
        },
        "type": {
          "title": "Type",
          "description": "Kind of unit; group when the provider does not say.",
          "type": "string",
          "enum": [
            "department",
            "team",
            "division",
            "cost_center",
            "business_unit",
            "group"
          ],
          "examples": [
            "department"
          ]
        },
        "description": {
          "title": "Description",
          "description": "What the group is.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Everyone who ships code."
          ]
        },
        "parent": {
          "$ref": "../common.schema.json#/$defs/id_reference",
          "title": "Parent",
          "description": "The group this one belongs to, a record of hris/groups.",
          "examples": [
            {
              "id": "00g1emaKYZTWRYYRR0AB"
            }
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the group was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the group was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "00g1emaKYZTWRYYRRTSK",
              "profile": {
                "name": "Engineering"
              }
            }
          ]
        }
      },
      "required": [
        "id",
        "name"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00g1emaKYZTWRYYRRTSK",
          "name": "Engineering",
          "type": "department",
          "description": "Everyone who ships code.",
          "parent": {
            "id": "00g1emaKYZTWRYYRR0AB"
          },
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "00g1emaKYZTWRYYRRTSK",
            "profile": {
              "name": "Engineering"
            }
          }
        }
      ]
    },
    'locations': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/hris/locations.schema.json",
      "title": "Location",
      "description": "A place where employees work or live.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The location's id; for locations derived from addresses, a stable hash of the normalised address.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "q0t8ZmRvE3p3gA1lq5Zb2w"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the location.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "San Francisco HQ"
          ]
        },
        "street_1": {
          "title": "Street 1",
          "description": "First line of the street address.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "100 First Street"
          ]
        },
        "street_2": {
          "title": "Street 2",
          "description": "Second line of the street address: suite, floor, building.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Suite 600"
          ]
        },
        "city": {
          "title": "City",
          "description": "City or locality.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "San Francisco"
          ]
        },
        "state": {
          "title": "State",
          "description": "State, province or region, as the provider has it.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "CA"
          ]
        },
        "postal_code": {
          "title": "Postal code",
          "description": "Postal or ZIP code.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "94105"
          ]
        },
        "country": {
          "title": "Country",
          "description": "Country: an ISO 3166-1 alpha-2 code when it can be derived from the provider's value, otherwise that value.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "US"
          ]
        },
        "type": {
          "title": "Type",
          "description": "Kind of location: work, home or other.",
          "type": "string",
          "enum": [
            "work",
            "home",
            "other"
          ],
          "examples": [
            "work"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "streetAddress": "100 First Street",
              "city": "San Francisco",
              "state": "CA",
              "zipCode": "94105",
              "countryCode": "US"
            }
          ]
        }
      },
      "required": [
        "id"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "q0t8ZmRvE3p3gA1lq5Zb2w",
          "name": "San Francisco HQ",
          "street_1": "100 First Street",
          "street_2": "Suite 600",
          "city": "San Francisco",
          "state": "CA",
          "postal_code": "94105",
          "country": "US",
          "type": "work",
          "remote_data": {
            "streetAddress": "100 First Street",
            "city": "San Francisco",
            "state": "CA",
            "zipCode": "94105",
            "countryCode": "US"
          }
        }
      ]
    },
  },
  'sso': {
    'app-users': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/sso/app-users.schema.json",
      "title": "App user",
      "description": "A user's assignment to an app, with the account they have in it.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "Unique across apps: <app id>:<user id>.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "0oa1gjh63g214q0Hq0g4:00u1ovqs8bVs1Y2Ze5d7"
          ]
        },
        "app": {
          "$ref": "../common.schema.json#/$defs/reference",
          "title": "App",
          "description": "The app, a record of sso/apps.",
          "examples": [
            {
              "id": "0oa1gjh63g214q0Hq0g4",
              "name": "Salesforce"
            }
          ]
        },
        "user": {
          "$ref": "../common.schema.json#/$defs/id_reference",
          "title": "User",
          "description": "The user, a record of user-directory/users.",
          "examples": [
            {
              "id": "00u1ovqs8bVs1Y2Ze5d7"
            }
          ]
        },
        "username": {
          "title": "Username",
          "description": "The name the user has in the app.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "ada.lovelace@acme.com"
          ]
        },
        "email": {
          "title": "Email",
          "description": "Email address of the user in the app.",
          "type": "string",
          "minLength": 1,
          "pattern": "^[^\\s@]+@[^\\s@]+$",
          "examples": [
            "ada.lovelace@acme.com"
          ]
        },
        "status": {
          "title": "Status",
          "description": "active (can use the app), inactive (assignment disabled) or pending (being provisioned).",
          "type": "string",
          "enum": [
            "active",
            "inactive",
            "pending"
          ],
          "examples": [
            "active"
          ]
        },
        "assigned_via": {
          "title": "Assigned via",
          "description": "user (assigned directly) or group (through a group membership).",
          "type": "string",
          "enum": [
            "user",
            "group"
          ],
          "examples": [
            "group"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the assignment was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the assignment was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "00u1ovqs8bVs1Y2Ze5d7",
              "scope": "GROUP",
              "status": "PROVISIONED",
              "credentials": {
                "userName": "ada.lovelace@acme.com"
              }
            }
          ]
        }
      },
      "required": [
        "id",
        "app",
        "user"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "0oa1gjh63g214q0Hq0g4:00u1ovqs8bVs1Y2Ze5d7",
          "app": {
            "id": "0oa1gjh63g214q0Hq0g4",
            "name": "Salesforce"
          },
          "user": {
            "id": "00u1ovqs8bVs1Y2Ze5d7"
          },
          "username": "ada.lovelace@acme.com",
          "email": "ada.lovelace@acme.com",
          "status": "active",
          "assigned_via": "group",
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "00u1ovqs8bVs1Y2Ze5d7",
            "scope": "GROUP",
            "status": "PROVISIONED",
            "credentials": {
              "userName": "ada.lovelace@acme.com"
            }
          }
        }
      ]
    },
    'apps': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/sso/apps.schema.json",
      "title": "App",
      "description": "An application users sign in to through the identity provider.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The app's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "0oa1gjh63g214q0Hq0g4"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the app.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Salesforce"
          ]
        },
        "slug": {
          "title": "Slug",
          "description": "The provider's short, machine-readable name for the app or its integration.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "salesforce"
          ]
        },
        "status": {
          "title": "Status",
          "description": "active (users can sign in) or inactive.",
          "type": "string",
          "enum": [
            "active",
            "inactive"
          ],
          "examples": [
            "active"
          ]
        },
        "sign_on_mode": {
          "title": "Sign-on mode",
          "description": "How users sign in to the app; other for a mode not listed.",
          "type": "string",
          "enum": [
            "saml",
            "oidc",
            "ws_federation",
            "secure_web_auth",
            "bookmark",
            "basic_auth",
            "other"
          ],
          "examples": [
            "saml"
          ]
        },
        "logo_url": {
          "title": "Logo URL",
          "description": "URL of the app's logo.",
          "type": "string",
          "minLength": 1,
          "format": "uri",
          "examples": [
            "https://ok12static.oktacdn.com/assets/img/logos/salesforce.png"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the app was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the app was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "0oa1gjh63g214q0Hq0g4",
              "name": "salesforce",
              "label": "Salesforce",
              "signOnMode": "SAML_2_0"
            }
          ]
        }
      },
      "required": [
        "id",
        "name"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "0oa1gjh63g214q0Hq0g4",
          "name": "Salesforce",
          "slug": "salesforce",
          "status": "active",
          "sign_on_mode": "saml",
          "logo_url": "https://ok12static.oktacdn.com/assets/img/logos/salesforce.png",
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "0oa1gjh63g214q0Hq0g4",
            "name": "salesforce",
            "label": "Salesforce",
            "signOnMode": "SAML_2_0"
          }
        }
      ]
    },
  },
  'user-directory': {
    'activities': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/user-directory/activities.schema.json",
      "title": "Activity",
      "description": "An entry of the audit log: who did what to which records, and when.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The event id in the provider; unique, so events seen twice are de-duplicated.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "b4a0a8f1-07ab-11ef-9b0e-4f7c7d8a2b1c"
          ]
        },
        "action": {
          "title": "Action",
          "description": "The provider's event type, unchanged.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "user.session.start"
          ]
        },
        "description": {
          "title": "Description",
          "description": "Human-readable summary of the event.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "User login to Okta"
          ]
        },
        "actor": {
          "title": "Actor",
          "description": "Who performed the action. At least one of its fields is present.",
          "type": "object",
          "properties": {
            "id": {
              "title": "Id",
              "description": "Id of the actor in the provider.",
              "type": "string",
              "minLength": 1,
              "examples": [
                "00u1ovqs8bVs1Y2Ze5d7"
              ]
            },
            "type": {
              "title": "Type",
              "description": "Kind of actor: user, app (an application or API client) or system (the provider itself).",
              "type": "string",
              "enum": [
                "user",
                "app",
                "system"
              ],
              "examples": [
                "user"
              ]
            },
            "name": {
              "title": "Name",
              "description": "Display name of the actor.",
              "type": "string",
              "minLength": 1,
              "examples": [
                "Ada Lovelace"
              ]
            },
            "email": {
              "title": "Email",
              "description": "Email address of the actor, for a user.",
              "type": "string",
              "minLength": 1,
              "pattern": "^[^\\s@]+@[^\\s@]+$",
              "examples": [
                "ada.lovelace@acme.com"
              ]
            }
          },
          "minProperties": 1,
          "additionalProperties": false,
          "examples": [
            {
              "id": "00u1ovqs8bVs1Y2Ze5d7",
              "type": "user",
              "name": "Ada Lovelace",
              "email": "ada.lovelace@acme.com"
            }
          ]
        },
        "targets": {
          "title": "Targets",
          "description": "The records the action applied to.",
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "title": "Id",
                "description": "Id of the target in the provider.",
                "type": "string",
                "minLength": 1,
                "examples": [
                  "0oa1gjh63g214q0Hq0g4"
                ]
              },
              "type": {
                "title": "Type",
                "description": "Kind of target, in the provider's words.",
                "type": "string",
                "minLength": 1,
                "examples": [
                  "AppInstance"
                ]
              },
              "name": {
                "title": "Name",
                "description": "Display name of the target.",
                "type": "string",
                "minLength": 1,
                "examples": [
                  "Salesforce"
                ]
              }
            },
            "minProperties": 1,
            "additionalProperties": false
          },
          "examples": [
            [
              {
                "id": "0oa1gjh63g214q0Hq0g4",
                "type": "AppInstance",
                "name": "Salesforce"
              }
            ]
          ]
        },
        "outcome": {
          "title": "Outcome",
          "description": "Whether the action succeeded: success, failure, or unknown when the provider does not say.",
          "type": "string",
          "enum": [
            "success",
            "failure",
            "unknown"
          ],
          "examples": [
            "success"
          ]
        },
        "ip_address": {
          "title": "IP address",
          "description": "IPv4 or IPv6 address the action came from.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "203.0.113.7"
          ]
        },
        "user_agent": {
          "title": "User agent",
          "description": "User agent of the client that performed the action.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the action happened.",
          "examples": [
            "2024-05-01T17:03:11.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "uuid": "b4a0a8f1-07ab-11ef-9b0e-4f7c7d8a2b1c",
              "eventType": "user.session.start"
            }
          ]
        }
      },
      "required": [
        "id",
        "action",
        "created_at"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "b4a0a8f1-07ab-11ef-9b0e-4f7c7d8a2b1c",
          "action": "user.session.start",
          "description": "User login to Okta",
          "actor": {
            "id": "00u1ovqs8bVs1Y2Ze5d7",
            "type": "user",
            "name": "Ada Lovelace",
            "email": "ada.lovelace@acme.com"
          },
          "targets": [
            {
              "id": "0oa1gjh63g214q0Hq0g4",
              "type": "AppInstance",
              "name": "Salesforce"
            }
          ],
          "outcome": "success",
          "ip_address": "203.0.113.7",
          "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
          "created_at": "2024-05-01T17:03:11.000Z",
          "remote_data": {
            "uuid": "b4a0a8f1-07ab-11ef-9b0e-4f7c7d8a2b1c",
            "eventType": "user.session.start"
          }
        }
      ]
    },
    'groups': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/user-directory/groups.schema.json",
      "title": "Group",
      "description": "A group of users in the directory.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The group's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00g1emaKYZTWRYYRRTSK"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the group.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Engineering"
          ]
        },
        "description": {
          "title": "Description",
          "description": "What the group is for.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Everyone who ships code."
          ]
        },
        "type": {
          "title": "Type",
          "description": "Kind of group: group (managed in the directory), app_group (imported from or pushed by an application), built_in (created by the provider, such as Everyone).",
          "type": "string",
          "enum": [
            "group",
            "app_group",
            "built_in"
          ],
          "examples": [
            "group"
          ]
        },
        "environment": {
          "title": "Environment",
          "description": "The environment the group belongs to, for providers that keep groups per environment (Workato Identity: the environment's id). Absent where groups span the whole directory.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "41207"
          ]
        },
        "member_count": {
          "title": "Member count",
          "description": "Number of users in the group, when the provider reports it.",
          "type": "integer",
          "minimum": 0,
          "examples": [
            42
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the group was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the group was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "00g1emaKYZTWRYYRRTSK",
              "type": "OKTA_GROUP",
              "profile": {
                "name": "Engineering"
              }
            }
          ]
        }
      },
      "required": [
        "id",
        "name"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00g1emaKYZTWRYYRRTSK",
          "name": "Engineering",
          "description": "Everyone who ships code.",
          "type": "group",
          "environment": "41207",
          "member_count": 42,
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "00g1emaKYZTWRYYRRTSK",
            "type": "OKTA_GROUP",
            "profile": {
              "name": "Engineering"
            }
          }
        }
      ]
    },
    'me': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/user-directory/me.schema.json",
      "title": "Me",
      "description": "The identity behind the connection: the user, service account or workspace whose credentials the connection uses. It has the fields of a user that apply; status is optional.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The user's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00u1ovqs8bVs1Y2Ze5d7"
          ]
        },
        "username": {
          "title": "Username",
          "description": "The name the user signs in with.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "ada.lovelace@acme.com"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Full display name of the user.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Ada Lovelace"
          ]
        },
        "first_name": {
          "title": "First name",
          "description": "Given name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Ada"
          ]
        },
        "last_name": {
          "title": "Last name",
          "description": "Family name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Lovelace"
          ]
        },
        "title": {
          "title": "Title",
          "description": "Job title.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Staff Engineer"
          ]
        },
        "emails": {
          "title": "Emails",
          "description": "Email addresses of the user; at most one is primary.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/email"
          },
          "examples": [
            [
              {
                "email": "ada.lovelace@acme.com",
                "type": "work",
                "is_primary": true
              }
            ]
          ]
        },
        "phones": {
          "title": "Phones",
          "description": "Phone numbers of the user.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/phone"
          },
          "examples": [
            [
              {
                "number": "+14155550123",
                "type": "mobile"
              }
            ]
          ]
        },
        "status": {
          "title": "Status",
          "description": "Lifecycle state: active (can sign in), invited (created or invited, not yet activated), suspended (temporarily blocked), inactive (deactivated or deprovisioned). The raw status stays in remote_data.",
          "type": "string",
          "enum": [
            "active",
            "invited",
            "suspended",
            "inactive"
          ],
          "examples": [
            "active"
          ]
        },
        "roles": {
          "title": "Roles",
          "description": "Roles the user holds, per environment where the provider scopes roles by environment.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/role_assignment"
          },
          "examples": [
            [
              {
                "id": "SUPER_ADMIN",
                "name": "Super Administrator"
              }
            ]
          ]
        },
        "groups": {
          "title": "Groups",
          "description": "Groups the user is a member of.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/reference"
          },
          "examples": [
            [
              {
                "id": "00g1emaKYZTWRYYRRTSK",
                "name": "Engineering"
              }
            ]
          ]
        },
        "external_id": {
          "title": "External id",
          "description": "Id of the user in an upstream system (an HR system, a SCIM client, an identity provider).",
          "type": "string",
          "minLength": 1,
          "examples": [
            "E-10442"
          ]
        },
        "avatar_url": {
          "title": "Avatar URL",
          "description": "URL of the profile picture.",
          "type": "string",
          "minLength": 1,
          "format": "uri",
          "examples": [
            "https://cdn.acme.com/avatars/ada.png"
          ]
        },
        "timezone": {
          "title": "Time zone",
          "description": "IANA time zone name (Area/Location, or UTC); provider-specific names such as Rails ones are converted.",
          "type": "string",
          "minLength": 1,
          "pattern": "^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$",
          "examples": [
            "America/Los_Angeles"
          ]
        },
        "locale": {
          "title": "Locale",
          "description": "Preferred locale as a BCP 47 language tag, with hyphens (a provider value such as en_US becomes en-US).",
          "type": "string",
          "minLength": 1,
          "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
          "examples": [
            "en-US"
          ]
        },
        "last_login_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Last login at",
          "description": "When the user last signed in.",
          "examples": [
            "2024-05-01T17:03:11.000Z"
          ]
        },
        "last_active_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Last active at",
          "description": "When the user was last seen doing anything, sign-in or not.",
          "examples": [
            "2024-05-01T18:20:00.000Z"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the user was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the user was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": 2001,
              "name": "Acme",
              "email": "ada.lovelace@acme.com",
              "last_seen": "2024-05-01T18:20:00.000Z"
            }
          ]
        }
      },
      "required": [
        "id"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00u1ovqs8bVs1Y2Ze5d7",
          "username": "ada.lovelace@acme.com",
          "name": "Ada Lovelace",
          "first_name": "Ada",
          "last_name": "Lovelace",
          "title": "Staff Engineer",
          "emails": [
            {
              "email": "ada.lovelace@acme.com",
              "type": "work",
              "is_primary": true
            },
            {
              "email": "ada@example.org",
              "type": "personal",
              "is_primary": false
            }
          ],
          "phones": [
            {
              "number": "+14155550123",
              "type": "mobile"
            }
          ],
          "status": "active",
          "roles": [
            {
              "id": "SUPER_ADMIN",
              "name": "Super Administrator"
            }
          ],
          "groups": [
            {
              "id": "00g1emaKYZTWRYYRRTSK",
              "name": "Engineering"
            }
          ],
          "external_id": "E-10442",
          "avatar_url": "https://cdn.acme.com/avatars/ada.png",
          "timezone": "America/Los_Angeles",
          "locale": "en-US",
          "last_login_at": "2024-05-01T17:03:11.000Z",
          "last_active_at": "2024-05-01T18:20:00.000Z",
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": 2001,
            "name": "Acme",
            "email": "ada.lovelace@acme.com",
            "last_seen": "2024-05-01T18:20:00.000Z"
          }
        }
      ]
    },
    'roles': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/user-directory/roles.schema.json",
      "title": "Role",
      "description": "A role that grants users a set of permissions.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The role's id, unique within the resource (a source prefix is added where the provider's sources can collide).",
          "type": "string",
          "minLength": 1,
          "examples": [
            "cr0Yq6IJxGIr0ouum0g3"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Display name of the role.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Help desk"
          ]
        },
        "description": {
          "title": "Description",
          "description": "What the role allows.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Resets passwords and unlocks accounts."
          ]
        },
        "type": {
          "title": "Type",
          "description": "system (defined by the provider) or custom (defined by the customer).",
          "type": "string",
          "enum": [
            "system",
            "custom"
          ],
          "examples": [
            "custom"
          ]
        },
        "permissions": {
          "title": "Permissions",
          "description": "The permissions the role grants, in the provider's own names.",
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          },
          "examples": [
            [
              "okta.users.read",
              "okta.users.credentials.resetPassword"
            ]
          ]
        },
        "environment": {
          "title": "Environment",
          "description": "The environment the role applies to, for providers with per-environment roles (for example dev, test, prod).",
          "type": "string",
          "minLength": 1,
          "examples": [
            "prod"
          ]
        },
        "member_count": {
          "title": "Member count",
          "description": "Number of users holding the role, when the provider reports it.",
          "type": "integer",
          "minimum": 0,
          "examples": [
            3
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the role was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the role was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "cr0Yq6IJxGIr0ouum0g3",
              "label": "Help desk"
            }
          ]
        }
      },
      "required": [
        "id",
        "name"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "cr0Yq6IJxGIr0ouum0g3",
          "name": "Help desk",
          "description": "Resets passwords and unlocks accounts.",
          "type": "custom",
          "permissions": [
            "okta.users.read",
            "okta.users.credentials.resetPassword"
          ],
          "environment": "prod",
          "member_count": 3,
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "cr0Yq6IJxGIr0ouum0g3",
            "label": "Help desk"
          }
        }
      ]
    },
    'users': {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://org.dev/schemas/user-directory/users.schema.json",
      "title": "User",
      "description": "A person or service account with an identity in the provider.",
      "type": "object",
      "properties": {
        "id": {
          "title": "Id",
          "description": "The user's id in the provider.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "00u1ovqs8bVs1Y2Ze5d7"
          ]
        },
        "username": {
          "title": "Username",
          "description": "The name the user signs in with.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "ada.lovelace@acme.com"
          ]
        },
        "name": {
          "title": "Name",
          "description": "Full display name of the user.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Ada Lovelace"
          ]
        },
        "first_name": {
          "title": "First name",
          "description": "Given name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Ada"
          ]
        },
        "last_name": {
          "title": "Last name",
          "description": "Family name.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Lovelace"
          ]
        },
        "title": {
          "title": "Title",
          "description": "Job title.",
          "type": "string",
          "minLength": 1,
          "examples": [
            "Staff Engineer"
          ]
        },
        "emails": {
          "title": "Emails",
          "description": "Email addresses of the user; at most one is primary.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/email"
          },
          "examples": [
            [
              {
                "email": "ada.lovelace@acme.com",
                "type": "work",
                "is_primary": true
              }
            ]
          ]
        },
        "phones": {
          "title": "Phones",
          "description": "Phone numbers of the user.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/phone"
          },
          "examples": [
            [
              {
                "number": "+14155550123",
                "type": "mobile"
              }
            ]
          ]
        },
        "status": {
          "title": "Status",
          "description": "Lifecycle state: active (can sign in), invited (created or invited, not yet activated), suspended (temporarily blocked), inactive (deactivated or deprovisioned). The raw status stays in remote_data.",
          "type": "string",
          "enum": [
            "active",
            "invited",
            "suspended",
            "inactive"
          ],
          "examples": [
            "active"
          ]
        },
        "roles": {
          "title": "Roles",
          "description": "Roles the user holds, per environment where the provider scopes roles by environment.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/role_assignment"
          },
          "examples": [
            [
              {
                "id": "SUPER_ADMIN",
                "name": "Super Administrator"
              }
            ]
          ]
        },
        "groups": {
          "title": "Groups",
          "description": "Groups the user is a member of.",
          "type": "array",
          "items": {
            "$ref": "../common.schema.json#/$defs/reference"
          },
          "examples": [
            [
              {
                "id": "00g1emaKYZTWRYYRRTSK",
                "name": "Engineering"
              }
            ]
          ]
        },
        "external_id": {
          "title": "External id",
          "description": "Id of the user in an upstream system (an HR system, a SCIM client, an identity provider).",
          "type": "string",
          "minLength": 1,
          "examples": [
            "E-10442"
          ]
        },
        "avatar_url": {
          "title": "Avatar URL",
          "description": "URL of the profile picture.",
          "type": "string",
          "minLength": 1,
          "format": "uri",
          "examples": [
            "https://cdn.acme.com/avatars/ada.png"
          ]
        },
        "timezone": {
          "title": "Time zone",
          "description": "IANA time zone name (Area/Location, or UTC); provider-specific names such as Rails ones are converted.",
          "type": "string",
          "minLength": 1,
          "pattern": "^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$",
          "examples": [
            "America/Los_Angeles"
          ]
        },
        "locale": {
          "title": "Locale",
          "description": "Preferred locale as a BCP 47 language tag, with hyphens (a provider value such as en_US becomes en-US).",
          "type": "string",
          "minLength": 1,
          "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
          "examples": [
            "en-US"
          ]
        },
        "last_login_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Last login at",
          "description": "When the user last signed in.",
          "examples": [
            "2024-05-01T17:03:11.000Z"
          ]
        },
        "last_active_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Last active at",
          "description": "When the user was last seen doing anything, sign-in or not.",
          "examples": [
            "2024-05-01T18:20:00.000Z"
          ]
        },
        "created_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Created at",
          "description": "When the user was created in the provider.",
          "examples": [
            "2021-03-15T09:30:00.000Z"
          ]
        },
        "updated_at": {
          "$ref": "../common.schema.json#/$defs/timestamp",
          "title": "Updated at",
          "description": "When the user was last changed in the provider.",
          "examples": [
            "2024-04-28T12:01:45.000Z"
          ]
        },
        "remote_data": {
          "title": "Remote data",
          "type": "object",
          "description": "The provider's raw object, exactly as its API returned it; present unless the call passes { remoteData: false }. The only place where properties outside this schema are allowed.",
          "additionalProperties": true,
          "examples": [
            {
              "id": "00u1ovqs8bVs1Y2Ze5d7",
              "status": "ACTIVE",
              "profile": {
                "login": "ada.lovelace@acme.com"
              }
            }
          ]
        }
      },
      "required": [
        "id",
        "status"
      ],
      "additionalProperties": false,
      "examples": [
        {
          "id": "00u1ovqs8bVs1Y2Ze5d7",
          "username": "ada.lovelace@acme.com",
          "name": "Ada Lovelace",
          "first_name": "Ada",
          "last_name": "Lovelace",
          "title": "Staff Engineer",
          "emails": [
            {
              "email": "ada.lovelace@acme.com",
              "type": "work",
              "is_primary": true
            },
            {
              "email": "ada@example.org",
              "type": "personal",
              "is_primary": false
            }
          ],
          "phones": [
            {
              "number": "+14155550123",
              "type": "mobile"
            }
          ],
          "status": "active",
          "roles": [
            {
              "id": "SUPER_ADMIN",
              "name": "Super Administrator"
            }
          ],
          "groups": [
            {
              "id": "00g1emaKYZTWRYYRRTSK",
              "name": "Engineering"
            }
          ],
          "external_id": "E-10442",
          "avatar_url": "https://cdn.acme.com/avatars/ada.png",
          "timezone": "America/Los_Angeles",
          "locale": "en-US",
          "last_login_at": "2024-05-01T17:03:11.000Z",
          "last_active_at": "2024-05-01T18:20:00.000Z",
          "created_at": "2021-03-15T09:30:00.000Z",
          "updated_at": "2024-04-28T12:01:45.000Z",
          "remote_data": {
            "id": "00u1ovqs8bVs1Y2Ze5d7",
            "status": "ACTIVE",
            "profile": {
              "login": "ada.lovelace@acme.com"
            }
          }
        }
      ]
    },
  },
} as const;

/** Every unified write-input schema, by model, resource and operation. */
export const UNIFIED_INPUT_SCHEMAS = {
  'user-directory': {
    'users': {
      create: {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://org.dev/schemas/user-directory/inputs/users.create.schema.json",
        "title": "User create input",
        "description": "What creating (inviting, provisioning) a user takes. Each provider says which fields it can set; any other field fails with unsupported_field before a request is sent.",
        "type": "object",
        "properties": {
          "email": {
            "title": "Email",
            "description": "The user's primary (work) email address; invitations and activation emails go to it.",
            "type": "string",
            "minLength": 1,
            "pattern": "^[^\\s@]+@[^\\s@]+$",
            "examples": [
              "ada.lovelace@acme.com"
            ]
          },
          "username": {
            "title": "Username",
            "description": "The name the user signs in with, where the provider has one apart from the email.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "ada.lovelace@acme.com"
            ]
          },
          "name": {
            "title": "Name",
            "description": "Full display name.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Ada Lovelace"
            ]
          },
          "first_name": {
            "title": "First name",
            "description": "Given name.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Ada"
            ]
          },
          "last_name": {
            "title": "Last name",
            "description": "Family name.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Lovelace"
            ]
          },
          "title": {
            "title": "Title",
            "description": "Job title.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Staff Engineer"
            ]
          },
          "phones": {
            "title": "Phones",
            "description": "Phone numbers of the user.",
            "type": "array",
            "items": {
              "$ref": "../../common.schema.json#/$defs/phone"
            },
            "examples": [
              [
                {
                  "number": "+14155550123",
                  "type": "mobile"
                }
              ]
            ]
          },
          "roles": {
            "title": "Roles",
            "description": "Roles to hold, by name, with the environment where the provider scopes roles by environment; the id of a user-directory/roles record tells the provider which kind of role it is. On update, the roles of the environments named replace the ones held there.",
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "../../common.schema.json#/$defs/role_assignment"
            },
            "examples": [
              [
                {
                  "id": "env:12",
                  "name": "Developer",
                  "environment": "dev"
                }
              ]
            ]
          },
          "groups": {
            "title": "Groups",
            "description": "Groups (user-directory/groups ids) the user joins when created.",
            "type": "array",
            "items": {
              "$ref": "../../common.schema.json#/$defs/id_reference"
            },
            "examples": [
              [
                {
                  "id": "00g1emaKYZTWRYYRRTSK"
                }
              ]
            ]
          },
          "external_id": {
            "title": "External id",
            "description": "Id of the user in an upstream system (an HR system, a SCIM client).",
            "type": "string",
            "minLength": 1,
            "examples": [
              "E-10442"
            ]
          },
          "timezone": {
            "title": "Time zone",
            "description": "IANA time zone name.",
            "type": "string",
            "minLength": 1,
            "pattern": "^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$",
            "examples": [
              "America/Los_Angeles"
            ]
          },
          "locale": {
            "title": "Locale",
            "description": "Preferred locale as a BCP 47 language tag.",
            "type": "string",
            "minLength": 1,
            "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            "examples": [
              "en-US"
            ]
          }
        },
        "required": [
          "email"
        ],
        "additionalProperties": false,
        "examples": [
          {
            "email": "ada.lovelace@acme.com",
            "name": "Ada Lovelace",
            "roles": [
              {
                "name": "Developer",
                "environment": "dev"
              }
            ]
          }
        ]
      },
      update: {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://org.dev/schemas/user-directory/inputs/users.update.schema.json",
        "title": "User update input",
        "description": "A partial change to a user: only the fields given change, the others are left as they are. Each provider says which fields it can change; any other field fails with unsupported_field before a request is sent.",
        "type": "object",
        "properties": {
          "email": {
            "title": "Email",
            "description": "The user's primary (work) email address; invitations and activation emails go to it.",
            "type": "string",
            "minLength": 1,
            "pattern": "^[^\\s@]+@[^\\s@]+$",
            "examples": [
              "ada.lovelace@acme.com"
            ]
          },
          "username": {
            "title": "Username",
            "description": "The name the user signs in with, where the provider has one apart from the email.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "ada.lovelace@acme.com"
            ]
          },
          "name": {
            "title": "Name",
            "description": "Full display name.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Ada Lovelace"
            ]
          },
          "first_name": {
            "title": "First name",
            "description": "Given name.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Ada"
            ]
          },
          "last_name": {
            "title": "Last name",
            "description": "Family name.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Lovelace"
            ]
          },
          "title": {
            "title": "Title",
            "description": "Job title.",
            "type": "string",
            "minLength": 1,
            "examples": [
              "Staff Engineer"
            ]
          },
          "phones": {
            "title": "Phones",
            "description": "Phone numbers of the user.",
            "type": "array",
            "items": {
              "$ref": "../../common.schema.json#/$defs/phone"
            },
            "examples": [
              [
                {
                  "number": "+14155550123",
                  "type": "mobile"
                }
              ]
            ]
          },
          "roles": {
            "title": "Roles",
            "description": "Roles to hold, by name, with the environment where the provider scopes roles by environment; the id of a user-directory/roles record tells the provider which kind of role it is. On update, the roles of the environments named replace the ones held there.",
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "../../common.schema.json#/$defs/role_assignment"
            },
            "examples": [
              [
                {
                  "id": "env:12",
                  "name": "Developer",
                  "environment": "dev"
                }
              ]
            ]
          },
          "external_id": {
            "title": "External id",
            "description": "Id of the user in an upstream system (an HR system, a SCIM client).",
            "type": "string",
            "minLength": 1,
            "examples": [
              "E-10442"
            ]
          },
          "timezone": {
            "title": "Time zone",
            "description": "IANA time zone name.",
            "type": "string",
            "minLength": 1,
            "pattern": "^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$",
            "examples": [
              "America/Los_Angeles"
            ]
          },
          "locale": {
            "title": "Locale",
            "description": "Preferred locale as a BCP 47 language tag.",
            "type": "string",
            "minLength": 1,
            "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            "examples": [
              "en-US"
            ]
          }
        },
        "required": [],
        "additionalProperties": false,
        "minProperties": 1,
        "examples": [
          {
            "roles": [
              {
                "name": "Operator",
                "environment": "prod"
              }
            ]
          }
        ]
      },
    },
  },
} as const;
